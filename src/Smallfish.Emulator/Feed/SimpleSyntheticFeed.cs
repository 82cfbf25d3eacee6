using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;

namespace Smallfish.Emulator.Feed;

/// <summary>
/// A small seeded SYNTHETIC market for one symbol, for offline runs and tests until the labeled-episode generator
/// (Smallfish.Simulation.Synthetic, branch f/synth) is on main: a book of <c>levels</c> levels a side around a start
/// price, then level-size changes, trades that consume the touch (the touch moves when a level is emptied), quotes that
/// improve an empty spread, and a ticker every second. It is not market data and says so in <see cref="Description"/>;
/// the same seed gives the same stream.
/// </summary>
public sealed class SimpleSyntheticFeed : IMarketFeedSource
{
    private readonly int _symbolId;
    private readonly InstrumentSpec _spec;
    private readonly Random _random;
    private readonly int _levels;
    private readonly SortedDictionary<long, long> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, long> _asks = new();
    private readonly BookUpdate _update = new();
    private readonly long _startPriceTicks;
    private readonly long _endNs;
    private long _nowNs;
    private long _nextTickerNs;
    private long _sequence;
    private bool _started;

    /// <summary>Creates the feed; <paramref name="duration"/> null runs forever.</summary>
    public SimpleSyntheticFeed(int symbolId, InstrumentSpec spec, decimal startPrice, int seed, int levels = 50, TimeSpan? duration = null, long startNs = 1_700_000_000L * TimeProviderExtensions.NsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        _symbolId = symbolId;
        _spec = spec;
        _random = new Random(seed);
        _levels = levels;
        _startPriceTicks = spec.Price.ToSteps(startPrice, MidpointRounding.ToEven);
        if (_startPriceTicks <= levels) throw new ArgumentOutOfRangeException(nameof(startPrice), startPrice, "start price too low for the tick size");
        _nowNs = startNs;
        _nextTickerNs = startNs + TimeProviderExtensions.NsPerSecond;
        _endNs = duration is { } d ? startNs + d.Ticks * 100 : long.MaxValue;
        Description = $"SYNTHETIC (simple random book, seed {seed}) {spec.Symbol}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Best bid and ask of the feed's own book, ticks.</summary>
    public (long Bid, long Ask) Touch => (_bids.Count > 0 ? _bids.Keys.First() : 0, _asks.Count > 0 ? _asks.Keys.First() : 0);

    /// <inheritdoc />
    public bool Step(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_started)
        {
            _started = true;
            for (int i = 0; i < _levels; i++)
            {
                _bids[_startPriceTicks - 1 - i] = Size();
                _asks[_startPriceTicks + 1 + i] = Size();
            }
            Begin(BookUpdateKind.Snapshot);
            foreach (var (p, q) in _bids) _update.Bids.Add(p, q);
            foreach (var (p, q) in _asks) _update.Asks.Add(p, q);
            sink.OnBook(_update);
            return true;
        }
        _nowNs += (5 + _random.Next(95)) * TimeProviderExtensions.NsPerMs;
        if (_nowNs >= _endNs) return false;
        if (_nowNs >= _nextTickerNs)
        {
            _nextTickerNs += TimeProviderExtensions.NsPerSecond;
            var (bid, ask) = Touch;
            double mid = _spec.Price.ToDouble(bid + ask) / 2;
            long nextFunding = (_nowNs / (8 * 3600 * TimeProviderExtensions.NsPerSecond) + 1) * 8 * 3600 * TimeProviderExtensions.NsPerSecond;
            sink.OnTicker(new TickerEvent(_symbolId, _nowNs, _nowNs, mid, mid, mid, 0.0001, nextFunding, 0, 0));
            return true;
        }
        int action = _random.Next(100);
        if (action < 55) ChangeLevel(sink);
        else if (action < 85) Trade(sink);
        else ImproveOrRefill(sink);
        return true;
    }

    private void ChangeLevel(IMarketEventSink sink)
    {
        bool bid = _random.Next(2) == 0;
        var side = bid ? _bids : _asks;
        long price = side.Keys.ElementAt(_random.Next(Math.Min(side.Count, 20)));
        long qty = Size();
        side[price] = qty;
        Begin(BookUpdateKind.Delta);
        (bid ? _update.Bids : _update.Asks).Add(price, qty);
        sink.OnBook(_update);
    }

    private void Trade(IMarketEventSink sink)
    {
        var taker = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var side = taker == Side.Buy ? _asks : _bids;
        if (side.Count <= 2) return;
        var (price, resting) = side.First();
        long qty = Math.Min(resting, Math.Max(1, _spec.MinLots) * (1 + _random.Next(5)));
        sink.OnTrade(new TradeEvent(_symbolId, _nowNs, _nowNs, price, qty, taker, ++_sequence));
        long left = resting - qty;
        Begin(BookUpdateKind.Delta);
        var levels = taker == Side.Buy ? _update.Asks : _update.Bids;
        if (left > 0)
        {
            side[price] = left;
            levels.Add(price, left);
        }
        else
        {
            side.Remove(price);
            levels.Add(price, 0);
        }
        sink.OnBook(_update);
    }

    /// <summary>Quotes inside an empty spread, or adds a level behind the last one on a thin side.</summary>
    private void ImproveOrRefill(IMarketEventSink sink)
    {
        var (bid, ask) = Touch;
        bool onBid = _random.Next(2) == 0;
        Begin(BookUpdateKind.Delta);
        long qty = Size();
        if (ask - bid > 1)
        {
            long price = onBid ? bid + 1 : ask - 1;
            (onBid ? _bids : _asks)[price] = qty;
            (onBid ? _update.Bids : _update.Asks).Add(price, qty);
        }
        else
        {
            var side = onBid ? _bids : _asks;
            if (side.Count >= _levels) return;
            long worst = side.Keys.Last();
            long price = onBid ? worst - 1 : worst + 1;
            if (price <= 0) return;
            side[price] = qty;
            (onBid ? _update.Bids : _update.Asks).Add(price, qty);
        }
        sink.OnBook(_update);
    }

    private void Begin(BookUpdateKind kind)
    {
        _update.Reset();
        _update.SymbolId = _symbolId;
        _update.Kind = kind;
        _update.LastUpdateId = ++_sequence;
        _update.ExchTsNs = _update.LocalTsNs = _nowNs;
    }

    private long Size() => Math.Max(1, _spec.MinLots) * (1 + _random.Next(40));
}
