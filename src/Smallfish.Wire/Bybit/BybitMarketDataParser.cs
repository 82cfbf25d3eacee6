using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Wire.Json;
using Smallfish.Wire.Text;

namespace Smallfish.Wire.Bybit;

/// <summary>
/// Parses Bybit v5 public WebSocket messages of one connection into core events pushed to an
/// <see cref="IMarketEventSink"/>: <c>orderbook.{depth}.{symbol}</c> snapshot/delta to <see cref="BookUpdate"/>,
/// <c>publicTrade.{symbol}</c> to one <see cref="TradeEvent"/> per trade, <c>tickers.{symbol}</c> snapshot/delta
/// (merged into a per-symbol <see cref="BybitTickerState"/>) to <see cref="TickerEvent"/>. Subscription acks, pongs,
/// klines and liquidation topics are ignored. Envelope keys are matched by name in any order (Bybit's order differs
/// between streams); no allocation per message once every symbol has been seen.
/// </summary>
/// <remarks>
/// The parser does not know whether its connection is linear or spot: feed it one category only (symbols collide).
/// Times: <see cref="BookUpdate.ExchTsNs"/> is the envelope <c>ts</c>, <see cref="BookUpdate.EngineTsNs"/> the
/// matching-engine <c>cts</c>; trades carry their fill time <c>T</c>. Not thread-safe.
/// </remarks>
public sealed partial class BybitMarketDataParser
{
    private const string ErrNotObject = "message is not a JSON object";
    private const string ErrMissing = "a required field is missing or mistyped";
    private const string ErrPrice = "price is not a number on the instrument's tick grid";
    private const string ErrQty = "size is not a number on the instrument's lot grid";
    private const string ErrNumber = "a numeric field is not a number";
    private const string ErrSide = "trade side is neither Buy nor Sell";

    private readonly InstrumentResolver _resolver;
    private readonly bool _emitTickerBbo;
    private readonly BookUpdate _book = new();
    private TradeEvent[] _trades = new TradeEvent[64];
    private BybitTickerState[] _tickers = new BybitTickerState[16];

    /// <summary>
    /// Creates a parser. With <paramref name="emitTickerBbo"/> a ticker message that carries <c>bid1Price</c> /
    /// <c>ask1Price</c> also raises a <see cref="BboEvent"/> whose update id is the ticker's cross sequence <c>cs</c>
    /// (off by default: the ticker is a 100 ms sample, slower than the book).
    /// </summary>
    public BybitMarketDataParser(SymbolTable symbols, InstrumentCatalog catalog, bool emitTickerBbo = false)
    {
        _resolver = new InstrumentResolver(symbols, catalog);
        _emitTickerBbo = emitTickerBbo;
    }

    /// <summary>Totals by outcome.</summary>
    public WireParserCounters Counters { get; } = new();

    /// <summary>Why the last malformed message was rejected.</summary>
    public string? LastError { get; private set; }

    /// <summary>The merged ticker of <paramref name="symbolId"/> (every field unknown before its first ticker message).</summary>
    public BybitTickerState Ticker(int symbolId) =>
        (uint)symbolId < (uint)_tickers.Length && _tickers[symbolId].HasSnapshot ? _tickers[symbolId] : BybitTickerState.Empty;

    /// <summary>Parses one message received at <paramref name="localTsNs"/>; never throws for bad input.</summary>
    public WireParseStatus Parse(ReadOnlySpan<byte> json, long localTsNs, IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            var env = new Envelope();
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return Fail(ErrNotObject);
            string? error = ReadEnvelope(ref r, json, ref env);
            if (error is null && r.Read()) error = ErrNotObject;
            if (error is not null) return Fail(error);
            return Dispatch(ref env, localTsNs, sink);
        }
        catch (JsonException e)
        {
            return Fail(e.Message);
        }
    }

    private WireParseStatus Dispatch(ref Envelope env, long localTsNs, IMarketEventSink sink)
    {
        var topic = env.Topic;
        if (topic.IsEmpty) return Counters.Record(env.IsControl ? WireParseStatus.Ignored : WireParseStatus.UnknownEvent);

        TopicKind kind;
        ReadOnlySpan<byte> symbol;
        if (topic.StartsWith("orderbook."u8))
        {
            var rest = topic["orderbook."u8.Length..];
            int dot = rest.IndexOf((byte)'.');
            if (dot <= 0) return Counters.Record(WireParseStatus.UnknownEvent);
            kind = TopicKind.Book;
            symbol = rest[(dot + 1)..];
        }
        else if (topic.StartsWith("publicTrade."u8))
        {
            kind = TopicKind.Trade;
            symbol = topic["publicTrade."u8.Length..];
        }
        else if (topic.StartsWith("tickers."u8))
        {
            kind = TopicKind.Ticker;
            symbol = topic["tickers."u8.Length..];
        }
        else if (topic.StartsWith("kline."u8) || topic.StartsWith("allLiquidation."u8) || topic.StartsWith("liquidation."u8))
        {
            return Counters.Record(WireParseStatus.Ignored);
        }
        else
        {
            return Counters.Record(WireParseStatus.UnknownEvent);
        }

        if (!_resolver.TryResolve(symbol, out int id, out var spec)) return Counters.Record(WireParseStatus.UnknownSymbol);
        if (env.Data.IsEmpty) return Fail(ErrMissing);
        return kind switch
        {
            TopicKind.Book => ParseBook(ref env, id, spec!, localTsNs, sink),
            TopicKind.Trade => ParseTrades(ref env, id, spec!, localTsNs, sink),
            _ => ParseTicker(ref env, id, spec!, localTsNs, sink),
        };
    }

    private WireParseStatus ParseBook(ref Envelope env, int id, InstrumentSpec spec, long localTsNs, IMarketEventSink sink)
    {
        bool snapshot;
        if (env.Type.SequenceEqual("snapshot"u8)) snapshot = true;
        else if (env.Type.SequenceEqual("delta"u8)) snapshot = false;
        else return Fail(ErrMissing);
        if (!env.HasTs) return Fail(ErrMissing);

        var b = _book;
        b.Bids.Clear();
        b.Asks.Clear();
        var r = new Utf8JsonReader(env.Data);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return Fail(ErrMissing);
        long u = 0, seq = 0;
        bool hasU = false, hasBids = false, hasAsks = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueSpan;
            r.Read();
            string? e = null;
            if (name.SequenceEqual("b"u8)) { e = JsonLevels.Read(ref r, spec, b.Bids); hasBids = true; }
            else if (name.SequenceEqual("a"u8)) { e = JsonLevels.Read(ref r, spec, b.Asks); hasAsks = true; }
            else if (name.SequenceEqual("u"u8)) { if (!JsonValues.TryInt64(ref r, out u)) e = ErrNumber; hasU = true; }
            else if (name.SequenceEqual("seq"u8)) { if (!JsonValues.TryInt64(ref r, out seq)) e = ErrNumber; }
            else JsonValues.SkipValue(ref r);
            if (e is not null) return Fail(e);
        }
        if (!hasU || !hasBids || !hasAsks) return Fail(ErrMissing);

        b.SymbolId = id;
        b.Kind = snapshot ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
        b.FirstUpdateId = 0;
        b.LastUpdateId = u;
        b.PrevUpdateId = 0;
        b.Sequence = seq;
        b.ExchTsNs = WireNumbers.MsToNs(env.Ts);
        b.EngineTsNs = env.HasCts ? WireNumbers.MsToNs(env.Cts) : 0;
        b.LocalTsNs = localTsNs;
        sink.OnBook(b);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus ParseTrades(ref Envelope env, int id, InstrumentSpec spec, long localTsNs, IMarketEventSink sink)
    {
        var r = new Utf8JsonReader(env.Data);
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray) return Fail(ErrMissing);
        int count = 0;
        // Validate the whole batch before pushing anything, so a bad trade never leaves half a message applied.
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            string? e = ReadTrade(ref r, id, spec, localTsNs, out var trade);
            if (e is not null) return Fail(e);
            if (count == _trades.Length) Array.Resize(ref _trades, _trades.Length * 2);
            _trades[count++] = trade;
        }
        if (r.TokenType != JsonTokenType.EndArray) return Fail(ErrMissing);
        for (int i = 0; i < count; i++) sink.OnTrade(_trades[i]);
        return Counters.Record(WireParseStatus.Ok);
    }

    private WireParseStatus Fail(string error)
    {
        LastError = error;
        return Counters.Record(WireParseStatus.Malformed);
    }

    private enum TopicKind : byte
    {
        Book,
        Trade,
        Ticker,
    }
}
