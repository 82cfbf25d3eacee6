using System.Security.Cryptography;
using System.Text;

namespace Smallfish.Exchanges.Authentication;

/// <summary>HMAC-SHA256 of UTF-8 text as lowercase hex: the signature both venues use for HMAC keys.</summary>
internal static class HmacHex
{
    public static string Sign(ReadOnlySpan<byte> secret, string payload)
    {
        int max = Encoding.UTF8.GetMaxByteCount(payload.Length);
        byte[]? rented = max > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[max];
        try
        {
            int n = Encoding.UTF8.GetBytes(payload, buffer);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(secret, buffer[..n], mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>Constant-time comparison of two hex signatures, case-insensitive (Binance accepts either case).</summary>
    public static bool Equal(string a, string b)
    {
        if (a.Length != b.Length) return false;
        int diff = 0;
        for (int i = 0; i < a.Length; i++) diff |= char.ToLowerInvariant(a[i]) ^ char.ToLowerInvariant(b[i]);
        return diff == 0;
    }
}
