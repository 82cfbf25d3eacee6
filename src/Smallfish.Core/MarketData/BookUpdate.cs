namespace Smallfish.Core.MarketData;

/// <summary>
/// One order-book message, normalized: a reusable buffer that parsers fill and the book consumes. Carries both
/// exchange time and local receive time (nanoseconds since the Unix epoch) and the exchange's sequencing fields.
/// </summary>
/// <remarks>
/// Sequencing fields by exchange:
/// Bybit v5: <see cref="LastUpdateId"/> = <c>u</c> (consecutive; u = 1 on a snapshot means a service restart),
/// <see cref="Sequence"/> = <c>seq</c> (cross sequence).
/// Binance USD-M: <see cref="FirstUpdateId"/> = <c>U</c>, <see cref="LastUpdateId"/> = <c>u</c>,
/// <see cref="PrevUpdateId"/> = <c>pu</c>; a REST snapshot sets <see cref="LastUpdateId"/> = <c>lastUpdateId</c>.
/// </remarks>
public sealed class BookUpdate
{
    /// <summary>Index of the symbol in the engine's symbol table.</summary>
    public int SymbolId;

    /// <summary>Snapshot or delta.</summary>
    public BookUpdateKind Kind;

    /// <summary>Binance <c>U</c>; 0 where the exchange has none.</summary>
    public long FirstUpdateId;

    /// <summary>Bybit <c>u</c>, Binance <c>u</c> or snapshot <c>lastUpdateId</c>.</summary>
    public long LastUpdateId;

    /// <summary>Binance <c>pu</c>; 0 where the exchange has none.</summary>
    public long PrevUpdateId;

    /// <summary>Bybit <c>seq</c>; 0 where the exchange has none.</summary>
    public long Sequence;

    /// <summary>Exchange event time, ns since the Unix epoch.</summary>
    public long ExchTsNs;

    /// <summary>Local receive time, ns since the Unix epoch (as early as the receiver could take it).</summary>
    public long LocalTsNs;

    /// <summary>Matching-engine time of the update, ns since the Unix epoch (Binance <c>T</c>, Bybit <c>cts</c>); 0 when absent.</summary>
    public long EngineTsNs;

    /// <summary>Bid levels in the message.</summary>
    public readonly LevelList Bids = new();

    /// <summary>Ask levels in the message.</summary>
    public readonly LevelList Asks = new();

    /// <summary>Clears all fields and levels for reuse.</summary>
    public void Reset()
    {
        SymbolId = 0;
        Kind = BookUpdateKind.Delta;
        FirstUpdateId = LastUpdateId = PrevUpdateId = Sequence = 0;
        ExchTsNs = LocalTsNs = EngineTsNs = 0;
        Bids.Clear();
        Asks.Clear();
    }

    /// <summary>Makes this a copy of <paramref name="other"/>.</summary>
    public void CopyFrom(BookUpdate other)
    {
        SymbolId = other.SymbolId;
        Kind = other.Kind;
        FirstUpdateId = other.FirstUpdateId;
        LastUpdateId = other.LastUpdateId;
        PrevUpdateId = other.PrevUpdateId;
        Sequence = other.Sequence;
        ExchTsNs = other.ExchTsNs;
        LocalTsNs = other.LocalTsNs;
        EngineTsNs = other.EngineTsNs;
        Bids.CopyFrom(other.Bids);
        Asks.CopyFrom(other.Asks);
    }
}
