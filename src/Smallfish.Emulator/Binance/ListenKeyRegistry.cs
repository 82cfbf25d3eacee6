using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// The account's user-data listen key (binance-usdm.md section 8): POST returns the active key and extends it, or a new
/// one; PUT extends an active key (-1125 when it is gone); a key lives <see cref="VenueEmulatorOptions.ListenKeyLifetime"/>
/// after its last extension. Keys are deterministic for a seed. Used under the venue gate.
/// </summary>
internal sealed class ListenKeyRegistry
{
    private readonly long _lifetimeMs;
    private readonly ulong _seed;
    private string? _key;
    private long _expiresMs;
    private int _created;

    public ListenKeyRegistry(TimeSpan lifetime, ulong seed)
    {
        _lifetimeMs = (long)lifetime.TotalMilliseconds;
        _seed = seed;
    }

    /// <summary>The active key, if any.</summary>
    public string? Active => _key;

    /// <summary>Keys created so far.</summary>
    public int Created => _created;

    public string Create(long nowMs)
    {
        if (_key is null || nowMs >= _expiresMs)
        {
            _created++;
            byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{_seed}:{_created}:listen-key")));
            _key = Convert.ToBase64String(hash).Replace('+', 'x').Replace('/', 'y').TrimEnd('=') + _created.ToString("D4", CultureInfo.InvariantCulture);
        }
        _expiresMs = nowMs + _lifetimeMs;
        return _key;
    }

    public bool KeepAlive(long nowMs)
    {
        if (_key is null || nowMs >= _expiresMs) return false;
        _expiresMs = nowMs + _lifetimeMs;
        return true;
    }

    public string? Delete()
    {
        string? key = _key;
        _key = null;
        return key;
    }

    public bool IsValid(string? key, long nowMs) => key is not null && key == _key && nowMs < _expiresMs;

    /// <summary>The key that just ran out (it is forgotten), or null.</summary>
    public string? TakeExpired(long nowMs) => _key is not null && nowMs >= _expiresMs ? Delete() : null;
}
