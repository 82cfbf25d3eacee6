using System.Security.Cryptography;
using System.Text;

namespace Smallfish.Emulator.Hosting;

/// <summary>Constant-time comparison of hex signatures.</summary>
internal static class SignatureCheck
{
    /// <summary>True when both hex strings are equal; <paramref name="ignoreCase"/> for Binance (either case accepted).</summary>
    public static bool HexEquals(string expected, string actual, bool ignoreCase)
    {
        if (expected.Length != actual.Length) return false;
        byte[] a = Encoding.ASCII.GetBytes(ignoreCase ? expected.ToLowerInvariant() : expected);
        byte[] b = Encoding.ASCII.GetBytes(ignoreCase ? actual.ToLowerInvariant() : actual);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
