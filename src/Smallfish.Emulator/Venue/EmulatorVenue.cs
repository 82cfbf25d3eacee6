using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// The emulated exchange's core: ONE <see cref="SimulatedVenue"/> (the backtest's matching and fill model) driven in
/// server time, the back office around it (order registry with both protocols' ids, positions, wallet, candles), and
/// the listeners (protocol surfaces) that turn what happens into frames. Everything runs under one gate, so market
/// events, REST commands and subscriptions are totally ordered and every subscriber sees a state consistent with the
/// venue's. Market events are stamped with the server clock when they arrive (a replay keeps its pacing, not its dates).
/// </summary>
/// <remarks>
/// The venue runs with zero latency: the network between the client and the emulator is the latency. A command is
/// executed while its REST request is being answered, so the answer can say what happened (Binance rejects a post-only
/// order that would take synchronously; Bybit acknowledges it and cancels it on the private stream).
/// </remarks>
internal sealed partial class EmulatorVenue : IExecutionSink, IFundingSink, IMarketEventSink
{
    private readonly object _gate = new();
    private decimal _fundingPaid;
    private readonly TimeProvider _clock;
    private readonly SimulationTimeline _timeline;
    private readonly SimulatedVenue _venue;
    private readonly Dictionary<string, int> _symbols = new(StringComparer.Ordinal);
    private readonly List<IVenueListener> _listeners = new();
    private readonly List<PendingReport> _pending = new();
    private readonly Dictionary<string, EmulatedOrder> _inflight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Price, long Qty)> _pendingAmends = new(StringComparer.Ordinal);
    private readonly HashSet<string> _internalCancels = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _touched = new();
    private readonly BookUpdate _scratch = new();
    private readonly OrderBook[] _marketBooks;
    private readonly IBookSynchronizer[] _marketSyncs;
    private long _lastStampNs;

    public EmulatorVenue(VenueEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _clock = options.Clock;
        Instruments = options.Instruments.ToArray();
        long now = _clock.GetUnixTimeNs();
        _lastStampNs = now;
        _timeline = new SimulationTimeline(new SimulatedClock(now));
        _venue = new SimulatedVenue(Instruments, _timeline, new SimulatedVenueOptions
        {
            BookSync = options.FeedBookSync,
            Latency = ConstantLatencyModel.Zero,
            Fees = options.Fees,
            InitialBalance = options.InitialBalance,
            Leverage = options.MarginCheckLeverage,
            FaultSeed = options.FaultSeed,
        });
        _venue.Connect(this, this);
        _marketBooks = new OrderBook[Instruments.Count];
        _marketSyncs = new IBookSynchronizer[Instruments.Count];
        for (int i = 0; i < Instruments.Count; i++)
        {
            _marketBooks[i] = new OrderBook(Instruments[i], i, changeLogCapacity: 16);
            _marketSyncs[i] = options.FeedBookSync switch
            {
                BookSyncMode.Bybit => new BybitBookSynchronizer(_marketBooks[i]),
                BookSyncMode.Binance => new BinanceBookSynchronizer(_marketBooks[i]),
                _ => new UncheckedBookSynchronizer(_marketBooks[i]),
            };
        }
        Markets = new MarketState[Instruments.Count];
        Accounts = new SymbolAccount[Instruments.Count];
        for (int i = 0; i < Instruments.Count; i++)
        {
            _symbols[Instruments[i].Symbol] = i;
            Markets[i] = new MarketState(i, Instruments[i]);
            Accounts[i] = new SymbolAccount(options.DefaultLeverage, now / TimeProviderExtensions.NsPerMs);
        }
    }

    /// <summary>The lock every venue access takes.</summary>
    public object Gate => _gate;

    public VenueEmulatorOptions Options { get; }

    public IReadOnlyList<InstrumentSpec> Instruments { get; }

    public MarketState[] Markets { get; }

    public SymbolAccount[] Accounts { get; }

    public OrderRegistry Orders { get; } = new();

    /// <summary>The shared fill model's fault hooks (partial fills, forced rejects).</summary>
    public Simulation.Venue.Faults.VenueFaults VenueFaults => _venue.Faults;

    /// <summary>Market events the venue could not place (unknown symbol id) and top-of-book events it does not need.</summary>
    public long IgnoredEvents { get; private set; }

    /// <summary>Market events applied.</summary>
    public long MarketEvents { get; private set; }

    public long NowMs() => _clock.GetUnixTimeMs();

    public void AddListener(IVenueListener listener)
    {
        lock (_gate) _listeners.Add(listener);
    }

    public bool TryGetSymbol(string symbol, out int symbolId) => _symbols.TryGetValue(symbol, out symbolId);

    /// <summary>The venue's book of a symbol, as the matching sees it (read under the gate).</summary>
    public OrderBook Book(int symbolId) => _venue.GetBook(Instruments[symbolId].Symbol);

    /// <summary>
    /// The book the depth streams publish (read under the gate): the feed's book, or the matching's when
    /// <see cref="VenueEmulatorOptions.PublishOwnTakerImpact"/> is set.
    /// </summary>
    public OrderBook PublishedBook(int symbolId) => Options.PublishOwnTakerImpact ? Book(symbolId) : _marketBooks[symbolId];

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if ((uint)update.SymbolId >= (uint)Instruments.Count)
            {
                IgnoredEvents++;
                return;
            }
            long ns = Enter();
            _scratch.CopyFrom(update);
            _scratch.ExchTsNs = _scratch.LocalTsNs = ns;
            _marketSyncs[update.SymbolId].Apply(_scratch);
            _venue.OnBook(_scratch);
            Leave(ns, update.SymbolId, bookMessage: true);
        }
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        lock (_gate)
        {
            if ((uint)trade.SymbolId >= (uint)Instruments.Count || trade.QtyLots <= 0 || trade.PriceTicks <= 0)
            {
                IgnoredEvents++;
                return;
            }
            long ns = Enter();
            var stamped = trade with { ExchTsNs = ns, LocalTsNs = ns };
            var record = Markets[trade.SymbolId].AddTrade(stamped, ns / TimeProviderExtensions.NsPerMs);
            _venue.OnTrade(stamped with { TradeId = record.TradeId });
            foreach (var l in _listeners) l.OnTrade(trade.SymbolId, record);
            Leave(ns, trade.SymbolId);
        }
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        lock (_gate) IgnoredEvents++; // top of book is derived from the venue's own depth
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        lock (_gate)
        {
            if ((uint)ticker.SymbolId >= (uint)Instruments.Count)
            {
                IgnoredEvents++;
                return;
            }
            long ns = Enter();
            // A replayed funding time belongs to the recording's day: move it to the next 8-hourly settlement of server time.
            var stamped = ticker with { ExchTsNs = ns, LocalTsNs = ns, NextFundingTimeNs = ticker.NextFundingTimeNs > 0 ? NextFundingNs(ns) : 0 };
            Markets[ticker.SymbolId].ApplyTicker(stamped);
            _venue.OnTicker(stamped);
            foreach (var l in _listeners) l.OnTicker(ticker.SymbolId);
            Leave(ns, ticker.SymbolId);
        }
    }

    /// <summary>Brings the venue up to the server clock (funding, anything due) and publishes what that caused.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            _timeline.RunThrough(Stamp());
            ProcessReports();
        }
    }

    /// <inheritdoc />
    void IExecutionSink.OnOrderUpdate(in OrderUpdate update) => _pending.Add(new PendingReport(update));

    /// <inheritdoc />
    void IExecutionSink.OnFill(in Fill fill) => _pending.Add(new PendingReport(fill));

    /// <inheritdoc />
    void IFundingSink.OnFunding(in FundingPayment payment) => _pending.Add(new PendingReport(payment));

    private long Enter()
    {
        MarketEvents++;
        long ns = Stamp();
        _timeline.RunUntil(ns);
        ProcessReports();
        return ns;
    }

    private void Leave(long ns, int symbolId, bool bookMessage = false)
    {
        _timeline.RunThrough(ns);
        ProcessReports();
        NotifyBook(symbolId, bookMessage);
    }

    private void NotifyBook(int symbolId, bool bookMessage)
    {
        foreach (var l in _listeners) l.OnBookChanged(symbolId, bookMessage);
    }

    /// <summary>The next 00:00 / 08:00 / 16:00 UTC after <paramref name="ns"/> (both venues' default funding schedule).</summary>
    private static long NextFundingNs(long ns)
    {
        const long interval = 8 * 3600 * TimeProviderExtensions.NsPerSecond;
        return (ns / interval + 1) * interval;
    }

    /// <summary>Server time in ns, never going backwards.</summary>
    private long Stamp()
    {
        long now = _clock.GetUnixTimeNs();
        if (now < _lastStampNs) now = _lastStampNs;
        _lastStampNs = now;
        return now;
    }

    private long StampMs() => Stamp() / TimeProviderExtensions.NsPerMs;
}
