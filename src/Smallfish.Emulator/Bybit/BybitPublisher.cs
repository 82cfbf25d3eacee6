using System.Buffers;
using System.Globalization;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Books;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Bybit;

/// <summary>
/// Re-publishes the venue as Bybit v5 streams. Public: <c>orderbook.{1|50|200|1000}</c> (snapshot on subscribe, then
/// deltas that keep each subscriber's book equal to the top N of the venue's; <c>u</c> is consecutive per topic, an
/// injected skip leaves a gap), <c>publicTrade</c>, <c>tickers</c>. Private: <c>order</c>, <c>execution</c>,
/// <c>execution.fast</c>, <c>position</c> (also after every order event) and <c>wallet</c>. Runs under the venue gate.
/// </summary>
internal sealed partial class BybitPublisher : IVenueListener
{
    /// <summary>Linear book depths (bybit-v5.md 8.1; 500 was removed).</summary>
    public static readonly int[] Depths = { 1, 50, 200, 1000 };

    private const long FirstUpdateId = 100_000;
    private readonly EmulatorVenue _venue;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorStatistics _stats;
    private readonly SymbolStreams[] _symbols;
    private readonly Dictionary<string, List<WsConnection>> _subscribers = new(StringComparer.Ordinal);
    private readonly List<WsConnection> _private = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private readonly BookUpdate _delta = new();
    private readonly BookUpdate _snapshot = new() { Kind = BookUpdateKind.Snapshot };
    private long _messageIds;

    public BybitPublisher(EmulatorVenue venue, EmulatorFaults faults, EmulatorStatistics stats)
    {
        _venue = venue;
        _faults = faults;
        _stats = stats;
        _symbols = venue.Instruments.Select(i => new SymbolStreams(i.Symbol)).ToArray();
    }

    /// <summary>Validates a public topic; the symbol id and book depth (0 for other topics) when valid.</summary>
    public bool TryParseTopic(string topic, out int symbolId, out int depth)
    {
        symbolId = -1;
        depth = 0;
        string[] parts = topic.Split('.');
        switch (parts)
        {
            case ["orderbook", var d, var s] when int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out depth) && Depths.Contains(depth):
                return _venue.TryGetSymbol(s, out symbolId);
            case ["publicTrade" or "tickers", var s]:
                depth = 0;
                return _venue.TryGetSymbol(s, out symbolId);
            case ["kline", _, var s]:
                depth = 0;
                return _venue.TryGetSymbol(s, out symbolId); // accepted; candles are served over REST only
            default:
                depth = 0;
                return false;
        }
    }

    /// <summary>Subscribes a public topic (already validated) and sends its snapshot when it has one.</summary>
    public void Subscribe(WsConnection c, string topic)
    {
        if (!TryParseTopic(topic, out int id, out int depth)) return;
        var state = (BybitConnectionState)c.State!;
        if (!state.Topics.Add(topic)) return;
        if (!_subscribers.TryGetValue(topic, out var list)) _subscribers[topic] = list = new List<WsConnection>();
        list.Add(c);
        if (topic.StartsWith("orderbook.", StringComparison.Ordinal))
        {
            var view = View(id, depth);
            var streams = _symbols[id];
            view.WriteSnapshot(_snapshot);
            _snapshot.LastUpdateId = view.LastUpdateId;
            _snapshot.Sequence = streams.Seq;
            c.Send(Frame(w => BybitFrameWriter.WriteOrderBook(w, _venue.Instruments[id], depth, _snapshot, _venue.NowMs(), _venue.NowMs())));
        }
        else if (topic.StartsWith("tickers.", StringComparison.Ordinal))
        {
            c.Send(TickerFrame(id, snapshot: true));
        }
    }

    public void Unsubscribe(WsConnection c, string topic)
    {
        var state = (BybitConnectionState)c.State!;
        if (!state.Topics.Remove(topic)) return;
        if (_subscribers.TryGetValue(topic, out var list)) list.Remove(c);
    }

    public void AddPrivate(WsConnection c)
    {
        if (!_private.Contains(c)) _private.Add(c);
    }

    /// <summary>Authenticated private connections subscribed to the <c>order</c> topic.</summary>
    public int PrivateSubscribers => _private.Count(c => c.IsOpen && ((BybitConnectionState)c.State!).PrivateTopics.Contains("order"));

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(WsConnection c)
    {
        if (c.State is not BybitConnectionState state) return;
        foreach (string topic in state.Topics)
        {
            if (_subscribers.TryGetValue(topic, out var list)) list.Remove(c);
        }
        state.Topics.Clear();
        _private.Remove(c);
    }

    /// <summary>The REST order book: the top <paramref name="limit"/> of the 1000-level view, its <c>u</c>, and the cross sequence.</summary>
    public (BookUpdate Snapshot, long Seq) RestSnapshot(int symbolId, int limit)
    {
        lock (_venue.Gate)
        {
            var view = View(symbolId, 1000);
            var snapshot = new BookUpdate { Kind = BookUpdateKind.Snapshot, SymbolId = symbolId, LastUpdateId = view.LastUpdateId };
            view.WriteSnapshot(snapshot, limit);
            return (snapshot, _symbols[symbolId].Seq);
        }
    }

    /// <summary>The published state of a book topic (tests compare it with a subscriber's book).</summary>
    public BookUpdate PublishedBook(int symbolId, int depth)
    {
        var view = View(symbolId, depth);
        var snapshot = new BookUpdate { Kind = BookUpdateKind.Snapshot, SymbolId = symbolId, LastUpdateId = view.LastUpdateId };
        view.WriteSnapshot(snapshot);
        return snapshot;
    }

    public void OnBookChanged(int symbolId, bool bookMessage)
    {
        var streams = _symbols[symbolId];
        if (streams.Views.Count == 0) return;
        var book = _venue.PublishedBook(symbolId);
        var spec = _venue.Instruments[symbolId];
        foreach (var (depth, view) in streams.Views)
        {
            if (!view.Refresh(book, _delta)) continue;
            view.LastUpdateId++;
            streams.Seq++;
            if (!_subscribers.TryGetValue(streams.BookTopic(depth), out var subs) || subs.Count == 0) continue;
            long now = _venue.NowMs();
            if (depth == 1)
            {
                view.WriteSnapshot(_snapshot); // level 1 is snapshot-only
                _snapshot.LastUpdateId = view.LastUpdateId;
                _snapshot.Sequence = streams.Seq;
                Broadcast(subs, Frame(w => BybitFrameWriter.WriteOrderBook(w, spec, 1, _snapshot, now, now)));
                continue;
            }
            if (_faults.TakeBookSkip(EmulatorSurfaces.Bybit, spec.Symbol))
            {
                _stats.CountSkipped();
                continue;
            }
            _delta.Kind = BookUpdateKind.Delta;
            _delta.LastUpdateId = view.LastUpdateId;
            _delta.Sequence = streams.Seq;
            Broadcast(subs, Frame(w => BybitFrameWriter.WriteOrderBook(w, spec, depth, _delta, now, now)));
        }
    }

    public void OnTrade(int symbolId, in PublicTradeRecord trade)
    {
        var streams = _symbols[symbolId];
        streams.Seq++;
        if (!_subscribers.TryGetValue(streams.TradeTopic, out var subs) || subs.Count == 0) return;
        var m = _venue.Markets[symbolId];
        var print = new BybitTradePrint(new TradeEvent(symbolId, trade.TimeMs * 1_000_000, 0, trade.PriceTicks, trade.QtyLots, trade.Taker, trade.TradeId), m.Direction, streams.Seq);
        var prints = new[] { print };
        long timeMs = trade.TimeMs;
        Broadcast(subs, Frame(w => BybitFrameWriter.WritePublicTrades(w, _venue.Instruments[symbolId], prints, timeMs)));
    }

    public void OnTicker(int symbolId)
    {
        if (!_subscribers.TryGetValue(_symbols[symbolId].TickerTopic, out var subs) || subs.Count == 0) return;
        Broadcast(subs, TickerFrame(symbolId, snapshot: false));
    }

    private byte[] TickerFrame(int symbolId, bool snapshot)
    {
        var streams = _symbols[symbolId];
        var m = _venue.Markets[symbolId];
        long now = _venue.NowMs();
        var ticker = m.Ticker(_venue.Book(symbolId), now);
        long cs = ++streams.TickerSeq;
        return Frame(w => BybitFrameWriter.WriteTicker(w, m.Spec, ticker, m.Direction, snapshot, cs, now));
    }

    private DepthView View(int symbolId, int depth)
    {
        var streams = _symbols[symbolId];
        if (!streams.Views.TryGetValue(depth, out var view))
        {
            view = new DepthView(depth) { LastUpdateId = FirstUpdateId };
            view.Refresh(_venue.PublishedBook(symbolId), _delta);
            streams.Views[depth] = view;
        }
        return view;
    }

    private static void Broadcast(List<WsConnection> subscribers, byte[] frame)
    {
        foreach (var c in subscribers) c.Send(frame);
    }

    private byte[] Frame(Action<IBufferWriter<byte>> write)
    {
        _buffer.Clear();
        write(_buffer);
        return _buffer.WrittenSpan.ToArray();
    }

    private string NextId() => (++_messageIds).ToString(CultureInfo.InvariantCulture);

    private sealed class SymbolStreams
    {
        private readonly Dictionary<int, string> _bookTopics = new();

        public SymbolStreams(string symbol)
        {
            Symbol = symbol;
            TradeTopic = "publicTrade." + symbol;
            TickerTopic = "tickers." + symbol;
        }

        public string Symbol { get; }

        public string TradeTopic { get; }

        public string TickerTopic { get; }

        public SortedDictionary<int, DepthView> Views { get; } = new();

        /// <summary>Cross sequence (<c>seq</c>) of the symbol's book and trade messages.</summary>
        public long Seq { get; set; }

        public long TickerSeq { get; set; }

        public string BookTopic(int depth)
        {
            if (!_bookTopics.TryGetValue(depth, out string? topic)) _bookTopics[depth] = topic = "orderbook." + depth.ToString(CultureInfo.InvariantCulture) + "." + Symbol;
            return topic;
        }
    }
}
