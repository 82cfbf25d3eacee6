using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Json;
using Smallfish.Wire.Text;

namespace Smallfish.Wire.Binance;

/// <summary>
/// Parses Binance USD-M market data, bare or in the combined-stream wrapper <c>{"stream":..,"data":{..}}</c>, and the
/// REST depth snapshot, into core events pushed to an <see cref="IMarketEventSink"/>:
/// <c>depthUpdate</c> (diff) and REST <c>{"lastUpdateId",..}</c> to <see cref="BookUpdate"/>, <c>trade</c> and
/// <c>aggTrade</c> to <see cref="TradeEvent"/>, <c>bookTicker</c> to <see cref="BboEvent"/>, <c>markPriceUpdate</c> to
/// <see cref="TickerEvent"/>. One pass of <see cref="Utf8JsonReader"/> over the bytes; fields are matched by name in
/// any order; prices and sizes go straight from UTF-8 to ticks and lots; no allocation per message. The three stream
/// messages in Binance's own compact layout are first tried by a strict scanner (2-2.5 times the reader's rate on the real recordings), which
/// hands anything else to the reader.
/// </summary>
/// <remarks>
/// Times: <see cref="BookUpdate.ExchTsNs"/>, BBO and ticker times are the event time <c>E</c>; trade time and
/// <see cref="BookUpdate.EngineTsNs"/> are the transaction time <c>T</c>. Partial-depth streams (<c>@depth5</c> etc.)
/// are top-N replacements, not diffs; they are recognized from the wrapper's stream name and ignored (a bare partial
/// payload cannot be told apart from a diff). Not thread-safe: one parser per connection or reader.
/// </remarks>
public sealed partial class BinanceMarketDataParser
{
    private const string ErrNotObject = "message is not a JSON object";
    private const string ErrMissing = "a required field is missing or mistyped";
    private const string ErrNoSymbol = "a REST depth snapshot carries no symbol and none was given";
    private const string ErrPrice = "price is not a number on the instrument's tick grid";
    private const string ErrQty = "size is not a number on the instrument's lot grid";
    private const string ErrNumber = "a numeric field is not a number";

    private readonly InstrumentResolver _resolver;
    private readonly BookUpdate _book = new();

    /// <summary>Creates a parser resolving symbols through <paramref name="symbols"/> and grids through <paramref name="catalog"/>.</summary>
    public BinanceMarketDataParser(SymbolTable symbols, InstrumentCatalog catalog) => _resolver = new InstrumentResolver(symbols, catalog);

    /// <summary>False turns the compact-layout scanner off (the differential fuzz test compares both paths).</summary>
    internal bool CompactFastPath { get; init; } = true;

    /// <summary>Totals by outcome.</summary>
    public WireParserCounters Counters { get; } = new();

    /// <summary>Why the last malformed message was rejected (a fixed text, or the JSON reader's message).</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Parses one message received at <paramref name="localTsNs"/> and pushes its events to <paramref name="sink"/>.
    /// <paramref name="snapshotSymbolId"/> names the symbol of a REST depth snapshot, whose body does not.
    /// Never throws for bad input.
    /// </summary>
    public WireParseStatus Parse(ReadOnlySpan<byte> json, long localTsNs, IMarketEventSink sink, int snapshotSymbolId = -1)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var f = new Fields { SymbolId = -1 };
        _book.Bids.Clear();
        _book.Asks.Clear();
        if (CompactFastPath && TryFast(json, localTsNs, sink, ref f)) return f.Event == EventKind.DepthUpdate ? Emit(ref f, localTsNs, sink) : Counters.Record(WireParseStatus.Ok);
        f = new Fields { SymbolId = -1 };
        _book.Bids.Clear();
        _book.Asks.Clear();
        if (snapshotSymbolId >= 0)
        {
            f.SymbolId = snapshotSymbolId;
            f.Spec = _resolver.SpecOf(snapshotSymbolId);
            if (f.Spec is null) f.SymbolId = -1;
        }
        string? error;
        try
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return Fail(ErrNotObject);
            error = ReadObject(ref r, json, ref f);
            if (error is null && r.Read()) error = ErrNotObject; // trailing content after the object
        }
        catch (JsonException e)
        {
            error = e.Message;
        }
        if (error is not null) return Fail(error);
        return Emit(ref f, localTsNs, sink);
    }

    private WireParseStatus Emit(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.IsSnapshot && f.Event == EventKind.None) return EmitSnapshot(ref f, localTsNs, sink);
        switch (f.Event)
        {
            case EventKind.DepthUpdate:
                if (f.PartialDepth) return Counters.Record(WireParseStatus.Ignored);
                return EmitDepth(ref f, localTsNs, sink);
            case EventKind.Trade:
            case EventKind.AggTrade:
                return EmitTrade(ref f, localTsNs, sink);
            case EventKind.BookTicker:
                return EmitBookTicker(ref f, localTsNs, sink);
            case EventKind.MarkPrice:
                return EmitMarkPrice(ref f, localTsNs, sink);
            case EventKind.Ignored:
                return Counters.Record(WireParseStatus.Ignored);
            case EventKind.None:
                return Counters.Record(f.IsControl ? WireParseStatus.Ignored : WireParseStatus.UnknownEvent);
            default:
                return Counters.Record(WireParseStatus.UnknownEvent);
        }
    }

    private WireParseStatus EmitSnapshot(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.UnknownSymbol) return Counters.Record(WireParseStatus.UnknownSymbol);
        if (f.Spec is null) return Fail(ErrNoSymbol);
        string? error = ParseDeferredLevels(ref f);
        if (error is not null) return Fail(error);
        var b = _book;
        b.SymbolId = f.SymbolId;
        b.Kind = BookUpdateKind.Snapshot;
        b.FirstUpdateId = 0;
        b.LastUpdateId = f.LastUpdateId;
        b.PrevUpdateId = 0;
        b.Sequence = 0;
        b.ExchTsNs = f.HasE ? WireNumbers.MsToNs(f.E) : 0;
        b.EngineTsNs = f.HasT ? WireNumbers.MsToNs(f.T) : 0;
        b.LocalTsNs = localTsNs;
        sink.OnBook(b);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus EmitDepth(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.UnknownSymbol) return Counters.Record(WireParseStatus.UnknownSymbol);
        if (f.Spec is null || !f.HasE || !f.HasFirstId || !f.HasLastId || !f.HasPrevId || !f.HasBids || !f.HasAsks) return Fail(ErrMissing);
        string? error = ParseDeferredLevels(ref f);
        if (error is not null) return Fail(error);
        var b = _book;
        b.SymbolId = f.SymbolId;
        b.Kind = BookUpdateKind.Delta;
        b.FirstUpdateId = f.FirstUpdateId;
        b.LastUpdateId = f.LastUpdateId;
        b.PrevUpdateId = f.PrevUpdateId;
        b.Sequence = 0;
        b.ExchTsNs = WireNumbers.MsToNs(f.E);
        b.EngineTsNs = f.HasT ? WireNumbers.MsToNs(f.T) : 0;
        b.LocalTsNs = localTsNs;
        sink.OnBook(b);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus EmitTrade(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.UnknownSymbol) return Counters.Record(WireParseStatus.UnknownSymbol);
        var spec = f.Spec;
        bool haveId = f.Event == EventKind.Trade ? f.HasTradeId : f.HasAggId;
        if (spec is null || !f.HasT || !f.HasMaker || !haveId) return Fail(ErrMissing);
        if (!spec.Price.TryParseSteps(f.P, out long price) || price <= 0) return Fail(ErrPrice);
        if (!spec.Qty.TryParseSteps(f.Q, out long qty) || qty <= 0) return Fail(ErrQty);
        // X (trade type) is MARKET for ordinary prints; INSURANCE_FUND, ADL and the like are liquidation fills.
        var flags = f.X.IsEmpty || f.X.SequenceEqual("MARKET"u8) ? TradeFlags.None : TradeFlags.Liquidation;
        var trade = new TradeEvent(
            f.SymbolId,
            WireNumbers.MsToNs(f.T),
            localTsNs,
            price,
            qty,
            f.BuyerIsMaker ? Side.Sell : Side.Buy, // m = buyer is maker, so the taker sold
            f.Event == EventKind.Trade ? f.TradeId : f.AggId,
            flags);
        sink.OnTrade(trade);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus EmitBookTicker(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.UnknownSymbol) return Counters.Record(WireParseStatus.UnknownSymbol);
        var spec = f.Spec;
        if (spec is null || !f.HasLastId) return Fail(ErrMissing);
        if (!spec.Price.TryParseSteps(f.BidPx, out long bid) || !spec.Price.TryParseSteps(f.AskPx, out long ask) || bid <= 0 || ask <= 0) return Fail(ErrPrice);
        if (!spec.Qty.TryParseSteps(f.BidQty, out long bidQty) || !spec.Qty.TryParseSteps(f.AskQty, out long askQty) || bidQty < 0 || askQty < 0)
            return Fail(ErrQty);
        long ts = f.HasE ? f.E : f.HasT ? f.T : 0;
        var bbo = new BboEvent(f.SymbolId, WireNumbers.MsToNs(ts), localTsNs, f.LastUpdateId, bid, bidQty, ask, askQty);
        sink.OnBbo(bbo);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus EmitMarkPrice(ref Fields f, long localTsNs, IMarketEventSink sink)
    {
        if (f.UnknownSymbol) return Counters.Record(WireParseStatus.UnknownSymbol);
        if (f.SymbolId < 0 || !f.HasE) return Fail(ErrMissing);
        if (!WireNumbers.TryParseDouble(f.P, out double mark) || mark <= 0) return Fail(ErrNumber);
        double index = WireNumbers.TryParseDouble(f.I, out double i) && i > 0 ? i : double.NaN;
        double funding = WireNumbers.TryParseDouble(f.R, out double r) ? r : double.NaN;
        var ticker = new TickerEvent(
            f.SymbolId,
            WireNumbers.MsToNs(f.E),
            localTsNs,
            LastPrice: double.NaN,
            MarkPrice: mark,
            IndexPrice: index,
            FundingRate: funding,
            NextFundingTimeNs: f.HasT ? WireNumbers.MsToNs(f.T) : 0, // in markPriceUpdate, T is the next funding time
            Turnover24h: double.NaN,
            PriceChangePct24h: double.NaN);
        sink.OnTicker(ticker);
        return Counters.Record(WireParseStatus.Ok);
    }

    private string? ParseDeferredLevels(ref Fields f)
    {
        var spec = f.Spec!;
        if (!f.DeferredBids.IsEmpty)
        {
            _book.Bids.Clear();
            string? e = JsonLevels.ReadDeferred(f.DeferredBids, spec, _book.Bids);
            if (e is not null) return e;
        }
        if (!f.DeferredAsks.IsEmpty)
        {
            _book.Asks.Clear();
            string? e = JsonLevels.ReadDeferred(f.DeferredAsks, spec, _book.Asks);
            if (e is not null) return e;
        }
        return null;
    }

    private WireParseStatus Fail(string error)
    {
        LastError = error;
        return Counters.Record(WireParseStatus.Malformed);
    }
}
