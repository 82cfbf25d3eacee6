using System.Security.Cryptography;
using System.Text;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>The fake venues' own HMAC-SHA256 hex, written from the docs independently of the client's signer.</summary>
internal static class Hmac
{
    public static string Hex(string secret, string payload) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload))).ToLowerInvariant();
}
