using Smallfish.Core.Engine;
using Smallfish.Core.Grid;
using Smallfish.Core.MarketData;
using Smallfish.Core.Metrics;
using Smallfish.Core.Signals;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Engine;

namespace Smallfish.Service.Activity;

/// <summary>
/// The service's monitoring tap inside the engine loop (<see cref="IEngineLoopObserver"/>): it marks the market event
/// being processed (so <see cref="ActivityJournal"/> can time decisions against its receipt) and, at each published
/// snapshot, copies the books' tops, the fusion and the grids (<see cref="EngineView"/>), samples each symbol's mid
/// for the dashboard's price line, computes events per second and feeds the equity, open-position and resync metrics.
/// Snapshots are published about once a second, so the copies cost nothing on the market path.
/// </summary>
public sealed class EngineStatusTap : IEngineLoopObserver
{
    /// <summary>Mid samples kept per symbol.</summary>
    public const int MidsKept = 300;

    private readonly SmallfishMetrics _metrics;
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<PricePoint>> _mids = new(StringComparer.Ordinal);
    private EngineView _view = EngineView.Empty;
    private long _currentEventLocalTsNs;
    private long _lastEvents = -1;
    private long _lastEventsNs;
    private long _lastResyncs;

    /// <summary>Creates the tap feeding <paramref name="metrics"/>.</summary>
    public EngineStatusTap(SmallfishMetrics metrics) => _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));

    /// <summary>Local receipt time of the market event in the engine right now (loop thread only; 0 between events).</summary>
    public long CurrentEventLocalTsNs => _currentEventLocalTsNs;

    /// <summary>Market events started so far (loop thread only): tells one event's records from the next one's.</summary>
    public long EventSequence { get; private set; }

    /// <summary>The latest copy (any thread).</summary>
    public EngineView View => Volatile.Read(ref _view);

    /// <summary>The sampled mids of <paramref name="symbol"/>, oldest first (any thread).</summary>
    public IReadOnlyList<PricePoint> Mids(string symbol)
    {
        lock (_gate) return _mids.TryGetValue(symbol, out Queue<PricePoint>? q) ? q.ToArray() : [];
    }

    /// <inheritdoc />
    public void MarketEvent(long localTsNs)
    {
        _currentEventLocalTsNs = localTsNs;
        if (localTsNs != 0) EventSequence++;
    }

    /// <inheritdoc />
    public void Published(IEngineCore core, RuntimeSnapshot snapshot, long nowNs)
    {
        try
        {
            IReadOnlyList<SymbolMarketView> markets = ReadMarkets(core);
            IReadOnlyList<GridState> grids = ReadGrids(core);
            double perSecond = EventsPerSecond(snapshot.EventsProcessed, nowNs);
            Volatile.Write(ref _view, new EngineView(nowNs, markets, grids, perSecond));
            SampleMids(markets, nowNs);
            _metrics.SetEquity((double)snapshot.Equity);
            _metrics.SetOpenPositions(snapshot.Positions.Length);
            for (long i = _lastResyncs; i < snapshot.BookResyncs; i++) _metrics.BookResynced(BookInvalidReason.None);
            _lastResyncs = Math.Max(_lastResyncs, snapshot.BookResyncs);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // Monitoring must never disturb the engine: a failed copy keeps the previous one.
        }
    }

    /// <summary>The books and fusion of a <see cref="TradingEngineCore"/> or an <see cref="IEngineMarketView"/>.</summary>
    public static IReadOnlyList<SymbolMarketView> ReadMarkets(IEngineCore core)
    {
        if (core is IEngineMarketView view) return view.ReadMarket();
        if (core is not TradingEngineCore trading) return [];
        TradingEngine engine = trading.Engine;
        var list = new SymbolMarketView[engine.Symbols.Count];
        for (int i = 0; i < list.Length; i++)
        {
            OrderBook book = engine.Book(i);
            FusionResult fusion = engine.LastFusion(i);
            var price = engine.Instruments[i].Price;
            list[i] = new SymbolMarketView
            {
                Symbol = engine.Symbols[i],
                BestBid = book.Bids.Count > 0 ? price.ToDecimal(book.BestBid) : null,
                BestAsk = book.Asks.Count > 0 ? price.ToDecimal(book.BestAsk) : null,
                SpreadTicks = book.SpreadTicks,
                BookValid = book.IsValid,
                InvalidReason = book.InvalidReason,
                BookLocalTsNs = book.LocalTsNs,
                Regime = fusion.TsNs > 0 ? fusion.Regime : -1,
                Direction = fusion.Direction,
                Confidence = fusion.Confidence,
                ActiveCount = fusion.ActiveCount,
                AgreeingCount = fusion.AgreeingCount,
                WantsEntry = fusion.WantsEntry,
            };
        }

        return list;
    }

    /// <summary>The grids of an engine that runs them (<see cref="IGridSnapshotSource"/>), else none.</summary>
    public static IReadOnlyList<GridState> ReadGrids(IEngineCore core) => core switch
    {
        IEngineMarketView view => view.ReadGrids(),
        IGridSnapshotSource grids => grids.SnapshotGrids(),
        TradingEngineCore trading when GridsOf(trading.Engine) is { } grids => grids.SnapshotGrids(),
        _ => [],
    };

    // The trading engine runs grids once the multigrid is wired into it; until then it has none to show.
    private static IGridSnapshotSource? GridsOf(object engine) => engine as IGridSnapshotSource;

    private double EventsPerSecond(long events, long nowNs)
    {
        double rate = 0;
        if (_lastEvents >= 0 && nowNs > _lastEventsNs)
        {
            rate = (events - _lastEvents) * (double)TimeProviderExtensions.NsPerSecond / (nowNs - _lastEventsNs);
        }
        else if (_lastEvents >= 0)
        {
            rate = View.EventsPerSecond;
        }

        _lastEvents = events;
        _lastEventsNs = nowNs;
        return rate;
    }

    private void SampleMids(IReadOnlyList<SymbolMarketView> markets, long nowNs)
    {
        lock (_gate)
        {
            foreach (SymbolMarketView m in markets)
            {
                if (m.Mid is not { } mid) continue;
                if (!_mids.TryGetValue(m.Symbol, out Queue<PricePoint>? q)) _mids[m.Symbol] = q = new Queue<PricePoint>();
                q.Enqueue(new PricePoint(nowNs, mid));
                while (q.Count > MidsKept) q.Dequeue();
            }
        }
    }
}
