using System.Buffers;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Books;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// Re-publishes the venue as Binance USD-M streams. Market: diff depth with <c>U</c>/<c>u</c>/<c>pu</c> chained per
/// symbol (every change of the top 1000 levels is one event; the REST snapshot's <c>lastUpdateId</c> is the next
/// event's <c>U</c>, so the documented sync procedure applies exactly; an injected skip breaks the <c>pu</c> chain),
/// bookTicker, aggTrade, trade and markPrice, raw or combined, each on its documented route (a stream on the wrong
/// route is acknowledged and stays silent). User data: ORDER_TRADE_UPDATE, ACCOUNT_UPDATE, ALGO_UPDATE and
/// listenKeyExpired on connections whose listen key is valid. Runs under the venue gate.
/// </summary>
internal sealed partial class BinancePublisher : IVenueListener
{
    private const int ViewDepth = 1000;
    private const long FirstUpdateId = 5_000_000_000;
    private readonly EmulatorVenue _venue;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorStatistics _stats;
    private readonly ListenKeyRegistry _keys;
    private readonly SymbolStreams[] _symbols;
    private readonly Dictionary<string, int> _byLower = new(StringComparer.Ordinal);
    private readonly List<WsConnection> _users = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private readonly BookUpdate _delta = new();

    public BinancePublisher(EmulatorVenue venue, EmulatorFaults faults, EmulatorStatistics stats, ListenKeyRegistry keys)
    {
        _venue = venue;
        _faults = faults;
        _stats = stats;
        _keys = keys;
        _symbols = venue.Instruments.Select(i => new SymbolStreams()).ToArray();
        for (int i = 0; i < venue.Instruments.Count; i++) _byLower[venue.Instruments[i].Symbol.ToLowerInvariant()] = i;
    }

    /// <summary>Parses a stream name (<c>btcusdt@depth@100ms</c>); false for names the emulator does not serve.</summary>
    public bool TryParseStream(string name, out int symbolId, out BinanceStreamKind kind)
    {
        symbolId = -1;
        kind = default;
        int at = name.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || !_byLower.TryGetValue(name[..at], out symbolId)) return false;
        switch (name[(at + 1)..])
        {
            case "depth" or "depth@100ms" or "depth@250ms" or "depth@500ms" or "depth@0ms": kind = BinanceStreamKind.Depth; return true;
            case "bookTicker": kind = BinanceStreamKind.BookTicker; return true;
            case "aggTrade": kind = BinanceStreamKind.AggTrade; return true;
            case "trade": kind = BinanceStreamKind.Trade; return true;
            case "markPrice" or "markPrice@1s": kind = BinanceStreamKind.MarkPrice; return true;
            case var s when s.StartsWith("kline_", StringComparison.Ordinal): kind = BinanceStreamKind.Kline; return true;
            default: return false;
        }
    }

    /// <summary>True when <paramref name="kind"/> is delivered on <paramref name="route"/> (legacy paths carry only the public streams).</summary>
    public static bool Delivers(BinanceRoute route, BinanceStreamKind kind) => kind is BinanceStreamKind.Depth or BinanceStreamKind.BookTicker
        ? route is BinanceRoute.Public or BinanceRoute.Legacy
        : route == BinanceRoute.Market;

    public void Subscribe(WsConnection c, string name)
    {
        var state = (BinanceConnectionState)c.State!;
        if (state.Streams.Contains(name)) return;
        state.Streams.Add(name);
        if (!TryParseStream(name, out int id, out var kind) || !Delivers(state.Route, kind) || kind == BinanceStreamKind.Kline) return;
        var streams = _symbols[id];
        if (kind is BinanceStreamKind.Depth or BinanceStreamKind.BookTicker) EnsureView(id);
        var map = streams.Subscribers[(int)kind];
        if (!map.TryGetValue(name, out var list)) map[name] = list = new List<WsConnection>();
        list.Add(c);
    }

    public void Unsubscribe(WsConnection c, string name)
    {
        var state = (BinanceConnectionState)c.State!;
        if (!state.Streams.Remove(name)) return;
        if (TryParseStream(name, out int id, out var kind) && _symbols[id].Subscribers[(int)kind].TryGetValue(name, out var list)) list.Remove(c);
    }

    public void AddUser(WsConnection c) => _users.Add(c);

    /// <summary>User-data connections whose listen key is valid.</summary>
    public int UserSubscribers(long nowMs) => _users.Count(c => c.IsOpen && c.State is BinanceConnectionState { KeyExpired: false } s && _keys.IsValid(s.ListenKey, nowMs));

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(WsConnection c)
    {
        if (c.State is not BinanceConnectionState state) return;
        foreach (string name in state.Streams.ToArray()) Unsubscribe(c, name);
        _users.Remove(c);
    }

    /// <summary>The REST depth snapshot: the top <paramref name="limit"/> levels and <c>lastUpdateId</c> = the next diff's <c>U</c>.</summary>
    public BookUpdate RestDepth(int symbolId, int limit)
    {
        lock (_venue.Gate)
        {
            var view = EnsureView(symbolId);
            var snapshot = new BookUpdate { Kind = BookUpdateKind.Snapshot, SymbolId = symbolId, LastUpdateId = _symbols[symbolId].LastU + 1 };
            view.WriteSnapshot(snapshot, limit);
            return snapshot;
        }
    }

    /// <summary>The published book (tests compare it with a subscriber's) and its last <c>u</c>.</summary>
    public BookUpdate PublishedBook(int symbolId)
    {
        var view = EnsureView(symbolId);
        var snapshot = new BookUpdate { Kind = BookUpdateKind.Snapshot, SymbolId = symbolId, LastUpdateId = _symbols[symbolId].LastU };
        view.WriteSnapshot(snapshot);
        return snapshot;
    }

    public void OnBookChanged(int symbolId, bool bookMessage)
    {
        var streams = _symbols[symbolId];
        if (streams.View is null) return;
        // Every feed book message is one event, as the venue sent it, even one that changed nothing in the top 1000
        // (a level deeper down, a size restated): subscribers see the feed's event grouping.
        if (!streams.View.Refresh(_venue.PublishedBook(symbolId), _delta) && !bookMessage) return;
        long first = streams.LastU + 1;
        long last = streams.LastU + Math.Max(1, _delta.Bids.Count + _delta.Asks.Count);
        _delta.Kind = BookUpdateKind.Delta;
        _delta.FirstUpdateId = first;
        _delta.LastUpdateId = last;
        _delta.PrevUpdateId = streams.LastU;
        streams.LastU = last;
        var spec = _venue.Instruments[symbolId];
        long now = _venue.NowMs();
        if (HasSubscribers(streams, BinanceStreamKind.Depth))
        {
            if (_faults.TakeBookSkip(EmulatorSurfaces.Binance, spec.Symbol)) _stats.CountSkipped();
            else Broadcast(streams, BinanceStreamKind.Depth, stream => Frame(w => BinanceFrameWriter.WriteDepthUpdate(w, spec, _delta, now, now, stream)));
        }
        var top = streams.View.Top();
        if (top == streams.LastTop) return;
        streams.LastTop = top;
        if (!HasSubscribers(streams, BinanceStreamKind.BookTicker)) return;
        var bbo = new BboEvent(symbolId, now, now, last, top.BidTicks, top.BidLots, top.AskTicks, top.AskLots);
        Broadcast(streams, BinanceStreamKind.BookTicker, stream => Frame(w => BinanceFrameWriter.WriteBookTicker(w, spec, bbo, now, now, stream)));
    }

    public void OnTrade(int symbolId, in PublicTradeRecord trade)
    {
        var streams = _symbols[symbolId];
        var spec = _venue.Instruments[symbolId];
        var t = new TradeEvent(symbolId, trade.TimeMs * 1_000_000, 0, trade.PriceTicks, trade.QtyLots, trade.Taker, trade.TradeId);
        long now = trade.TimeMs;
        if (HasSubscribers(streams, BinanceStreamKind.AggTrade))
            Broadcast(streams, BinanceStreamKind.AggTrade, stream => Frame(w => BinanceFrameWriter.WriteAggTrade(w, spec, t, t.TradeId, t.TradeId, t.TradeId, now, stream)));
        if (HasSubscribers(streams, BinanceStreamKind.Trade))
            Broadcast(streams, BinanceStreamKind.Trade, stream => Frame(w => BinanceFrameWriter.WriteTrade(w, spec, t, now, stream)));
    }

    public void OnTicker(int symbolId)
    {
        var streams = _symbols[symbolId];
        if (!HasSubscribers(streams, BinanceStreamKind.MarkPrice)) return;
        var spec = _venue.Instruments[symbolId];
        long now = _venue.NowMs();
        var ticker = _venue.Markets[symbolId].Ticker(_venue.Book(symbolId), now);
        Broadcast(streams, BinanceStreamKind.MarkPrice, stream => Frame(w => BinanceFrameWriter.WriteMarkPrice(w, spec, ticker, now, stream)));
    }

    private DepthView EnsureView(int symbolId)
    {
        var streams = _symbols[symbolId];
        if (streams.View is null)
        {
            streams.View = new DepthView(ViewDepth);
            streams.View.Refresh(_venue.PublishedBook(symbolId), _delta);
            streams.LastU = FirstUpdateId;
            streams.LastTop = streams.View.Top();
        }
        return streams.View;
    }

    private static bool HasSubscribers(SymbolStreams streams, BinanceStreamKind kind)
    {
        foreach (var list in streams.Subscribers[(int)kind].Values)
        {
            if (list.Count > 0) return true;
        }
        return false;
    }

    /// <summary>Sends one event to every subscriber of a stream kind: raw once, combined once per stream name.</summary>
    private static void Broadcast(SymbolStreams streams, BinanceStreamKind kind, Func<string?, byte[]> frame)
    {
        byte[]? raw = null;
        foreach (var (name, list) in streams.Subscribers[(int)kind])
        {
            byte[]? combined = null;
            foreach (var c in list)
            {
                if (((BinanceConnectionState)c.State!).Combined) c.Send(combined ??= frame(name));
                else c.Send(raw ??= frame(null));
            }
        }
    }

    private byte[] Frame(Action<IBufferWriter<byte>> write)
    {
        _buffer.Clear();
        write(_buffer);
        return _buffer.WrittenSpan.ToArray();
    }

    private sealed class SymbolStreams
    {
        public SymbolStreams()
        {
            for (int i = 0; i < Subscribers.Length; i++) Subscribers[i] = new Dictionary<string, List<WsConnection>>(StringComparer.Ordinal);
        }

        public DepthView? View { get; set; }

        /// <summary>Final update id of the last depth event.</summary>
        public long LastU { get; set; }

        public (long BidTicks, long BidLots, long AskTicks, long AskLots) LastTop { get; set; }

        /// <summary>Stream name to subscribers, per <see cref="BinanceStreamKind"/>.</summary>
        public Dictionary<string, List<WsConnection>>[] Subscribers { get; } = new Dictionary<string, List<WsConnection>>[6];
    }
}
