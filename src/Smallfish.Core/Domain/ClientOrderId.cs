using System.Globalization;

namespace Smallfish.Core.Domain;

/// <summary>
/// Deterministic client order ids. An id is derived from the engine's own counters, never from a clock or a random
/// source, so a retry of the same command carries the same id and the exchange rejects a duplicate instead of
/// doubling the order. Format: <c>sf{run}-{symbolId}-{sequence}-{role}{attempt}</c>, at most 36 characters of
/// <c>[A-Za-z0-9-]</c>, which both Bybit (orderLinkId) and Binance (newClientOrderId) accept.
/// </summary>
public static class ClientOrderId
{
    private const string RoleCodes = "ESTPXGH"; // indexed by OrderRole

    /// <summary>Maximum length both exchanges accept.</summary>
    public const int MaxLength = 36;

    /// <summary>
    /// Builds an id. <paramref name="run"/> distinguishes engine incarnations (restored from the journal on restart so a
    /// restarted engine never reuses an id), <paramref name="sequence"/> is the engine's decision counter and
    /// <paramref name="attempt"/> counts reprices of the same decision (each reprice is a new order).
    /// </summary>
    public static string Create(long run, int symbolId, long sequence, OrderRole role, int attempt = 0)
    {
        if (run < 0 || symbolId < 0 || sequence < 0 || attempt < 0) throw new ArgumentOutOfRangeException(nameof(run), "id parts must be non-negative");
        var id = string.Create(CultureInfo.InvariantCulture, $"sf{run}-{symbolId}-{sequence}-{RoleCodes[(int)role]}{attempt}");
        if (id.Length > MaxLength) throw new ArgumentOutOfRangeException(nameof(sequence), id, "client order id longer than 36 characters");
        return id;
    }

    /// <summary>True when <paramref name="id"/> was made by <see cref="Create"/>.</summary>
    public static bool IsSmallfish(string? id) => id is not null && id.StartsWith("sf", StringComparison.Ordinal) && TryParse(id, out _);

    /// <summary>Parses an id made by <see cref="Create"/>.</summary>
    public static bool TryParse(string id, out ClientOrderIdParts parts)
    {
        parts = default;
        if (id.Length < 2 || id[0] != 's' || id[1] != 'f') return false;
        var s = id.AsSpan(2);
        Span<Range> ranges = stackalloc Range[5];
        if (s.Split(ranges, '-') != 4) return false;
        var last = s[ranges[3]];
        if (last.Length < 2) return false;
        int role = RoleCodes.IndexOf(last[0]);
        if (role < 0) return false;
        if (!long.TryParse(s[ranges[0]], NumberStyles.None, CultureInfo.InvariantCulture, out long run)) return false;
        if (!int.TryParse(s[ranges[1]], NumberStyles.None, CultureInfo.InvariantCulture, out int symbolId)) return false;
        if (!long.TryParse(s[ranges[2]], NumberStyles.None, CultureInfo.InvariantCulture, out long seq)) return false;
        if (!int.TryParse(last[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int attempt)) return false;
        parts = new ClientOrderIdParts(run, symbolId, seq, (OrderRole)role, attempt);
        return true;
    }
}

/// <summary>The parts of a Smallfish client order id.</summary>
public readonly record struct ClientOrderIdParts(long Run, int SymbolId, long Sequence, OrderRole Role, int Attempt);
