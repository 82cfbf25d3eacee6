using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// Decodes records of the recording format from a byte span: the inverse of <see cref="MarketEventEncoder"/>. Built
/// for replay speed: no allocation per event (one reusable <see cref="BookUpdate"/>, trade/BBO/ticker held in fields
/// and passed by reference), bounds checked once per field. Shared by the file reader and the backtest's in-memory
/// event cache. Not thread-safe.
/// </summary>
public sealed class MarketEventDecoder
{
    private readonly long[] _anchorPrice;
    private readonly long[] _lastUpdateId;
    private readonly long[] _lastSequence;
    private readonly long[] _lastTradeId;
    private readonly long[] _lastBboId;
    private readonly BookUpdate _book = new();
    private TradeEvent _trade;
    private BboEvent _bbo;
    private TickerEvent _ticker;
    private long _prevExchNs;
    private long _prevLocalNs;

    /// <summary>Creates a decoder for symbol ids in [0, <paramref name="symbolCapacity"/>).</summary>
    public MarketEventDecoder(int symbolCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbolCapacity);
        _anchorPrice = new long[symbolCapacity];
        _lastUpdateId = new long[symbolCapacity];
        _lastSequence = new long[symbolCapacity];
        _lastTradeId = new long[symbolCapacity];
        _lastBboId = new long[symbolCapacity];
    }

    /// <summary>
    /// Added to every decoded timestamp (exchange, local, engine and next-funding times; a zero engine or funding time
    /// stays zero), so a benchmark can replay one recording several times in a row, each copy later than the last,
    /// without rewriting every event on the way out. The delta state stays unshifted. 0 by default.
    /// </summary>
    public long TimeShiftNs { get; set; }

    /// <summary>The last decoded book record (a reused buffer, valid until the next decode).</summary>
    public BookUpdate Book => _book;

    /// <summary>The last decoded trade.</summary>
    public ref readonly TradeEvent Trade => ref _trade;

    /// <summary>The last decoded BBO.</summary>
    public ref readonly BboEvent Bbo => ref _bbo;

    /// <summary>The last decoded ticker.</summary>
    public ref readonly TickerEvent Ticker => ref _ticker;

    /// <summary>Records (of any kind) in the block last decoded by <see cref="DecodeBlock"/>.</summary>
    public int LastBlockRecords { get; private set; }

    /// <summary>Events the last decoded gap record says were dropped.</summary>
    public long GapEvents { get; private set; }

    /// <summary>Forgets all delta state (call at every block start).</summary>
    public void Reset()
    {
        _prevExchNs = _prevLocalNs = 0;
        Array.Clear(_anchorPrice);
        Array.Clear(_lastUpdateId);
        Array.Clear(_lastSequence);
        Array.Clear(_lastTradeId);
        Array.Clear(_lastBboId);
    }

    /// <summary>
    /// Decodes one whole block payload into <paramref name="sink"/> (resetting the delta state first) and returns the
    /// number of market events delivered; <paramref name="droppedEvents"/> sums the gap records met.
    /// </summary>
    public int DecodeBlock(ReadOnlySpan<byte> payload, IMarketEventSink sink, out long droppedEvents)
    {
        Reset();
        int offset = 0, events = 0, records = 0;
        droppedEvents = 0;
        while (offset < payload.Length)
        {
            records++;
            switch (Next(payload, ref offset))
            {
                case MarketEventKind.Book: sink.OnBook(_book); events++; break;
                case MarketEventKind.Trade: sink.OnTrade(in _trade); events++; break;
                case MarketEventKind.Bbo: sink.OnBbo(in _bbo); events++; break;
                case MarketEventKind.Ticker: sink.OnTicker(in _ticker); events++; break;
                case MarketEventKind.Gap: droppedEvents += GapEvents; break;
            }
        }
        LastBlockRecords = records;
        return events;
    }

    /// <summary>
    /// Decodes the record at <paramref name="offset"/> into <see cref="Book"/>, <see cref="Trade"/>, <see cref="Bbo"/>,
    /// <see cref="Ticker"/> or <see cref="GapEvents"/>, advances <paramref name="offset"/> past it and returns its kind
    /// (<see cref="MarketEventKind.None"/> at the end, <see cref="MarketEventKind.Unknown"/> for a skipped record).
    /// Throws <see cref="RecordingFormatException"/> with the payload offset of the problem.
    /// </summary>
    public MarketEventKind Next(ReadOnlySpan<byte> payload, ref int offset)
    {
        if (offset >= payload.Length) return MarketEventKind.None;
        int start = offset;
        int p = offset;
        ulong length = Varint.Read(payload, ref p);
        if (length == 0 || length > (ulong)(payload.Length - p))
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"record length {length} runs past the block end"), start);
        }
        int end = p + (int)length;
        var record = payload[..end];
        var kind = (MarketEventKind)record[p++];
        switch (kind)
        {
            case MarketEventKind.Book: p = DecodeBook(record, p); break;
            case MarketEventKind.Trade: p = DecodeTrade(record, p); break;
            case MarketEventKind.Bbo: p = DecodeBbo(record, p); break;
            case MarketEventKind.Ticker: p = DecodeTicker(record, p); break;
            case MarketEventKind.Gap: GapEvents = (long)Varint.Read(record, ref p); break;
            default:
                kind = MarketEventKind.Unknown;
                p = end;
                break;
        }
        if (p != end)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"{kind} record declares {length} bytes but its fields end at {p - start}"), start);
        }
        offset = end;
        return kind;
    }

    private int DecodeBook(ReadOnlySpan<byte> s, int p)
    {
        var b = _book;
        int sym = Prefix(s, ref p, out b.ExchTsNs, out b.LocalTsNs);
        b.SymbolId = sym;
        if ((uint)p >= (uint)s.Length) throw Truncated(p);
        int flags = s[p++];
        if ((flags & ~0x3F) != 0) throw new RecordingFormatException("unknown book flags", p - 1);
        b.Kind = (BookUpdateKind)(flags & 3);
        long u = _lastUpdateId[sym] + Varint.ReadSigned(s, ref p);
        _lastUpdateId[sym] = u;
        b.LastUpdateId = u;
        b.FirstUpdateId = (flags & 4) != 0 ? u - Varint.ReadSigned(s, ref p) : 0;
        b.PrevUpdateId = (flags & 8) != 0 ? u - Varint.ReadSigned(s, ref p) : 0;
        if ((flags & 16) != 0)
        {
            long seq = _lastSequence[sym] + Varint.ReadSigned(s, ref p);
            _lastSequence[sym] = seq;
            b.Sequence = seq;
        }
        else
        {
            b.Sequence = 0;
        }
        b.EngineTsNs = (flags & 32) != 0 ? b.ExchTsNs + Varint.ReadSigned(s, ref p) : 0;
        ulong bidCount = Varint.Read(s, ref p);
        ulong askCount = Varint.Read(s, ref p);
        // Every level takes at least two bytes: a corrupt count cannot make us allocate or loop for long.
        if (bidCount + askCount > (ulong)(s.Length - p) / 2) throw new RecordingFormatException("book level count exceeds the record", p);
        long prev = _anchorPrice[sym];
        b.Bids.Clear();
        b.Asks.Clear();
        p = Levels(s, p, (int)bidCount, b.Bids, ref prev);
        p = Levels(s, p, (int)askCount, b.Asks, ref prev);
        if (bidCount > 0) _anchorPrice[sym] = b.Bids.PriceAt(0);
        else if (askCount > 0) _anchorPrice[sym] = b.Asks.PriceAt(0);
        return p;
    }

    private int DecodeTrade(ReadOnlySpan<byte> s, int p)
    {
        int sym = Prefix(s, ref p, out long exch, out long local);
        long price = _anchorPrice[sym] + Varint.ReadSigned(s, ref p);
        _anchorPrice[sym] = price;
        long qty = (long)Varint.Read(s, ref p);
        if ((uint)(p + 1) >= (uint)s.Length) throw Truncated(p);
        var side = (Side)(sbyte)s[p];
        var flags = (TradeFlags)s[p + 1];
        p += 2;
        long id = _lastTradeId[sym] + Varint.ReadSigned(s, ref p);
        _lastTradeId[sym] = id;
        _trade = new TradeEvent(sym, exch, local, price, qty, side, id, flags);
        return p;
    }

    private int DecodeBbo(ReadOnlySpan<byte> s, int p)
    {
        int sym = Prefix(s, ref p, out long exch, out long local);
        long id = _lastBboId[sym] + Varint.ReadSigned(s, ref p);
        _lastBboId[sym] = id;
        long bid = _anchorPrice[sym] + Varint.ReadSigned(s, ref p);
        _anchorPrice[sym] = bid;
        long bidLots = (long)Varint.Read(s, ref p);
        long ask = bid + Varint.ReadSigned(s, ref p);
        long askLots = (long)Varint.Read(s, ref p);
        _bbo = new BboEvent(sym, exch, local, id, bid, bidLots, ask, askLots);
        return p;
    }

    private int DecodeTicker(ReadOnlySpan<byte> s, int p)
    {
        int sym = Prefix(s, ref p, out long exch, out long local);
        if (s.Length - p < 6 * 8) throw Truncated(p);
        double last = Double(s, p), mark = Double(s, p + 8), index = Double(s, p + 16);
        double funding = Double(s, p + 24), turnover = Double(s, p + 32), change = Double(s, p + 40);
        p += 48;
        long nextFunding = exch - TimeShiftNs + Varint.ReadSigned(s, ref p);
        if (nextFunding != 0) nextFunding += TimeShiftNs;
        _ticker = new TickerEvent(sym, exch, local, last, mark, index, funding, nextFunding, turnover, change);
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Prefix(ReadOnlySpan<byte> s, ref int p, out long exchNs, out long localNs)
    {
        ulong sym = Varint.Read(s, ref p);
        if (sym >= (ulong)_anchorPrice.Length)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"symbol id {sym} is not in the symbol table ({_anchorPrice.Length} ids)"), p - 1);
        }
        long exch = _prevExchNs + Varint.ReadSigned(s, ref p);
        long local = _prevLocalNs + Varint.ReadSigned(s, ref p);
        _prevExchNs = exch;
        _prevLocalNs = local;
        exchNs = exch + TimeShiftNs;
        localNs = local + TimeShiftNs;
        return (int)sym;
    }

    private static int Levels(ReadOnlySpan<byte> s, int p, int count, LevelList levels, ref long prev)
    {
        long price = prev;
        for (int i = 0; i < count; i++)
        {
            price += Varint.ReadSigned(s, ref p);
            levels.Add(price, (long)Varint.Read(s, ref p));
        }
        prev = price;
        return p;
    }

    private static double Double(ReadOnlySpan<byte> s, int p) => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(s[p..]));

    private static RecordingFormatException Truncated(int p) => new("record ends inside a field", p);
}
