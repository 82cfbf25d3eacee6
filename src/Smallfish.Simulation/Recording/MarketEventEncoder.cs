using System.Buffers.Binary;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// Encodes normalized market events into records of the recording format (see docs/recording-format.md): a varint
/// length, a kind byte, then fields as ZigZag varints delta-coded against the previous record (timestamps) or the
/// previous record of the same symbol (update ids, sequence, trade id, prices). Delta state is reset per block with
/// <see cref="Reset"/> so every block decodes on its own. No I/O and no allocation per event; not thread-safe.
/// </summary>
public sealed class MarketEventEncoder
{
    /// <summary>Bytes reserved in front of a record for its length prefix (bodies up to 256 MiB).</summary>
    private const int Reserve = 4;

    /// <summary>Largest encoded trade record.</summary>
    public const int MaxTradeRecordSize = Reserve + 1 + 6 * Varint.MaxBytes + 2;

    /// <summary>Largest encoded BBO record.</summary>
    public const int MaxBboRecordSize = Reserve + 1 + 8 * Varint.MaxBytes;

    /// <summary>Largest encoded ticker record.</summary>
    public const int MaxTickerRecordSize = Reserve + 1 + 4 * Varint.MaxBytes + 6 * 8;

    /// <summary>Largest encoded gap record.</summary>
    public const int MaxGapRecordSize = Reserve + 1 + Varint.MaxBytes;

    private readonly long[] _anchorPrice;
    private readonly long[] _lastUpdateId;
    private readonly long[] _lastSequence;
    private readonly long[] _lastTradeId;
    private readonly long[] _lastBboId;
    private long _prevExchNs;
    private long _prevLocalNs;

    /// <summary>Creates an encoder for symbol ids in [0, <paramref name="symbolCapacity"/>).</summary>
    public MarketEventEncoder(int symbolCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbolCapacity);
        _anchorPrice = new long[symbolCapacity];
        _lastUpdateId = new long[symbolCapacity];
        _lastSequence = new long[symbolCapacity];
        _lastTradeId = new long[symbolCapacity];
        _lastBboId = new long[symbolCapacity];
    }

    /// <summary>Number of symbol ids this encoder accepts.</summary>
    public int SymbolCapacity => _anchorPrice.Length;

    /// <summary>Largest encoded size of <paramref name="update"/>.</summary>
    public static int MaxBookRecordSize(BookUpdate update) => Reserve + 1 + 9 * Varint.MaxBytes + 1 + 2 * Varint.MaxBytes * (update.Bids.Count + update.Asks.Count);

    /// <summary>Forgets all delta state (call at every block start; the decoder does the same).</summary>
    public void Reset()
    {
        _prevExchNs = _prevLocalNs = 0;
        Array.Clear(_anchorPrice);
        Array.Clear(_lastUpdateId);
        Array.Clear(_lastSequence);
        Array.Clear(_lastTradeId);
        Array.Clear(_lastBboId);
    }

    /// <summary>Writes a book record at the start of <paramref name="dest"/> (at least <see cref="MaxBookRecordSize"/> bytes); returns its length.</summary>
    public int WriteBook(BookUpdate update, Span<byte> dest)
    {
        int sym = Symbol(update.SymbolId);
        if ((byte)update.Kind > 3) throw new ArgumentOutOfRangeException(nameof(update), update.Kind, "unknown book update kind");
        int p = Reserve;
        dest[p++] = (byte)MarketEventKind.Book;
        p = Prefix(dest, p, sym, update.ExchTsNs, update.LocalTsNs);
        int flags = (int)update.Kind;
        if (update.FirstUpdateId != 0) flags |= 4;
        if (update.PrevUpdateId != 0) flags |= 8;
        if (update.Sequence != 0) flags |= 16;
        if (update.EngineTsNs != 0) flags |= 32;
        dest[p++] = (byte)flags;
        long u = update.LastUpdateId;
        p = Varint.WriteSigned(dest, p, u - _lastUpdateId[sym]);
        _lastUpdateId[sym] = u;
        if (update.FirstUpdateId != 0) p = Varint.WriteSigned(dest, p, u - update.FirstUpdateId);
        if (update.PrevUpdateId != 0) p = Varint.WriteSigned(dest, p, u - update.PrevUpdateId);
        if (update.Sequence != 0)
        {
            p = Varint.WriteSigned(dest, p, update.Sequence - _lastSequence[sym]);
            _lastSequence[sym] = update.Sequence;
        }
        if (update.EngineTsNs != 0) p = Varint.WriteSigned(dest, p, update.EngineTsNs - update.ExchTsNs);
        var bids = update.Bids;
        var asks = update.Asks;
        p = Varint.Write(dest, p, (ulong)bids.Count);
        p = Varint.Write(dest, p, (ulong)asks.Count);
        long prev = _anchorPrice[sym];
        p = Levels(dest, p, bids.Prices, bids.Quantities, ref prev);
        p = Levels(dest, p, asks.Prices, asks.Quantities, ref prev);
        if (bids.Count > 0) _anchorPrice[sym] = bids.PriceAt(0);
        else if (asks.Count > 0) _anchorPrice[sym] = asks.PriceAt(0);
        return Frame(dest, p);
    }

    /// <summary>Writes a trade record (<paramref name="dest"/> at least <see cref="MaxTradeRecordSize"/> bytes); returns its length.</summary>
    public int WriteTrade(in TradeEvent trade, Span<byte> dest)
    {
        int sym = Symbol(trade.SymbolId);
        int p = Reserve;
        dest[p++] = (byte)MarketEventKind.Trade;
        p = Prefix(dest, p, sym, trade.ExchTsNs, trade.LocalTsNs);
        p = Varint.WriteSigned(dest, p, trade.PriceTicks - _anchorPrice[sym]);
        _anchorPrice[sym] = trade.PriceTicks;
        p = Varint.Write(dest, p, (ulong)trade.QtyLots);
        dest[p++] = (byte)(sbyte)trade.Aggressor;
        dest[p++] = (byte)trade.Flags;
        p = Varint.WriteSigned(dest, p, trade.TradeId - _lastTradeId[sym]);
        _lastTradeId[sym] = trade.TradeId;
        return Frame(dest, p);
    }

    /// <summary>Writes a BBO record (<paramref name="dest"/> at least <see cref="MaxBboRecordSize"/> bytes); returns its length.</summary>
    public int WriteBbo(in BboEvent bbo, Span<byte> dest)
    {
        int sym = Symbol(bbo.SymbolId);
        int p = Reserve;
        dest[p++] = (byte)MarketEventKind.Bbo;
        p = Prefix(dest, p, sym, bbo.ExchTsNs, bbo.LocalTsNs);
        p = Varint.WriteSigned(dest, p, bbo.UpdateId - _lastBboId[sym]);
        _lastBboId[sym] = bbo.UpdateId;
        p = Varint.WriteSigned(dest, p, bbo.BidTicks - _anchorPrice[sym]);
        _anchorPrice[sym] = bbo.BidTicks;
        p = Varint.Write(dest, p, (ulong)bbo.BidLots);
        p = Varint.WriteSigned(dest, p, bbo.AskTicks - bbo.BidTicks);
        p = Varint.Write(dest, p, (ulong)bbo.AskLots);
        return Frame(dest, p);
    }

    /// <summary>Writes a ticker record (<paramref name="dest"/> at least <see cref="MaxTickerRecordSize"/> bytes); returns its length.</summary>
    public int WriteTicker(in TickerEvent ticker, Span<byte> dest)
    {
        int sym = Symbol(ticker.SymbolId);
        int p = Reserve;
        dest[p++] = (byte)MarketEventKind.Ticker;
        p = Prefix(dest, p, sym, ticker.ExchTsNs, ticker.LocalTsNs);
        p = Double(dest, p, ticker.LastPrice);
        p = Double(dest, p, ticker.MarkPrice);
        p = Double(dest, p, ticker.IndexPrice);
        p = Double(dest, p, ticker.FundingRate);
        p = Double(dest, p, ticker.Turnover24h);
        p = Double(dest, p, ticker.PriceChangePct24h);
        p = Varint.WriteSigned(dest, p, ticker.NextFundingTimeNs - ticker.ExchTsNs);
        return Frame(dest, p);
    }

    /// <summary>Writes a gap record saying <paramref name="droppedEvents"/> events were lost here; returns its length.</summary>
    public static int WriteGap(long droppedEvents, Span<byte> dest)
    {
        int p = Reserve;
        dest[p++] = (byte)MarketEventKind.Gap;
        p = Varint.Write(dest, p, (ulong)droppedEvents);
        return Frame(dest, p);
    }

    private int Symbol(int symbolId)
    {
        if ((uint)symbolId >= (uint)_anchorPrice.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(symbolId), symbolId, "symbol id is not in the recording's symbol table");
        }
        return symbolId;
    }

    private int Prefix(Span<byte> dest, int p, int symbolId, long exchNs, long localNs)
    {
        p = Varint.Write(dest, p, (ulong)symbolId);
        p = Varint.WriteSigned(dest, p, exchNs - _prevExchNs);
        p = Varint.WriteSigned(dest, p, localNs - _prevLocalNs);
        _prevExchNs = exchNs;
        _prevLocalNs = localNs;
        return p;
    }

    private static int Levels(Span<byte> dest, int p, ReadOnlySpan<long> prices, ReadOnlySpan<long> quantities, ref long prev)
    {
        for (int i = 0; i < prices.Length; i++)
        {
            long price = prices[i];
            p = Varint.WriteSigned(dest, p, price - prev);
            p = Varint.Write(dest, p, (ulong)quantities[i]);
            prev = price;
        }
        return p;
    }

    private static int Double(Span<byte> dest, int p, double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(dest[p..], BitConverter.DoubleToInt64Bits(value));
        return p + 8;
    }

    /// <summary>Puts the varint body length right before the body and moves the record to offset 0.</summary>
    private static int Frame(Span<byte> dest, int end)
    {
        int bodyLength = end - Reserve;
        int start = Reserve - Varint.Size((ulong)bodyLength);
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(dest), bodyLength, "record larger than 256 MiB");
        Varint.Write(dest, start, (ulong)bodyLength);
        int length = end - start;
        if (start > 0) dest.Slice(start, length).CopyTo(dest);
        return length;
    }
}
