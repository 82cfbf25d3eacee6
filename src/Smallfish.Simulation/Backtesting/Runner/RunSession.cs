using Smallfish.Core.Time;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// One continuous stretch of a run's stream: its own clock (from the session's first exchange time), simulated exchange,
/// journal, command log, strategy, fill tap and equity tracker, so it starts flat with a fresh engine. It replays the
/// stream until the data stops or pauses for longer than <see cref="BacktestRunRequest.SessionGapNs"/>, then runs the
/// timeline on so that orders and reports in flight land.
/// </summary>
internal sealed class RunSession
{
    private const int ProgressMask = (1 << 16) - 1;

    private readonly BacktestRunRequest _request;
    private readonly SimulatedClock _clock;
    private readonly SimulatedExchange _exchange;
    private readonly TickSchedule _ticks;
    private readonly MarketTap _tap;

    public RunSession(BacktestRunRequest request, string[] symbols, long firstNs, SignalSampler? sampler)
    {
        _request = request;
        _clock = new SimulatedClock(firstNs);
        _exchange = new SimulatedExchange(request.Instruments, _clock, request.Venue with { InitialBalance = request.StartingEquity });
        Journal = new RunJournal();
        Commands = new CommandLog(_exchange.Orders, _clock);
        Strategy = request.Strategy(new BacktestContext
        {
            Options = request.Options,
            Profile = request.Profile,
            Clock = _clock,
            Orders = Commands,
            Journal = Journal,
            Symbols = symbols,
            Instruments = request.Instruments,
            StartingEquity = request.StartingEquity,
            Exchange = request.Exchange,
            BookSync = request.BookSync,
        });
        Executions = new ExecutionTap(symbols);
        Executions.Connect(Strategy, Strategy);
        _exchange.Connect(Strategy, Executions, Executions);

        Equity = new EquityTracker(_exchange.Venue, request.Instruments, request.StartingEquity);
        Journal.TradeRecorded = _ => Equity.Sample(_clock.NowNs);
        Equity.Sample(firstNs);
        var strategy = Strategy;
        sampler?.Attach(strategy, _exchange.Venue);
        Action<long> onTimer = sampler is null ? strategy.OnTimer : now =>
        {
            strategy.OnTimer(now);
            sampler.Sample(now);
        };
        _ticks = new TickSchedule(_exchange, firstNs, request.TimerIntervalNs, request.EquityIntervalNs, onTimer, Equity.Sample);
        _tap = new MarketTap(_exchange, symbols.Length);
    }

    public IBacktestStrategy Strategy { get; }

    public RunJournal Journal { get; }

    public CommandLog Commands { get; }

    public ExecutionTap Executions { get; }

    public EquityTracker Equity { get; }

    public MarketTap Market => _tap;

    /// <summary>Market events replayed with an earlier exchange time than the event before them.</summary>
    public long OutOfOrderEvents { get; private set; }

    /// <summary>The simulated time when the session ended (after the finish horizon).</summary>
    public long EndNs => _clock.NowNs;

    /// <summary>
    /// Replays <paramref name="stream"/> until it ends or pauses longer than the session gap; <paramref name="delivered"/>
    /// counts events over the whole run (for progress).
    /// </summary>
    public void Replay(IOrderedEventSource stream, ref long delivered, CancellationToken cancellationToken)
    {
        long lastNs = long.MinValue;
        while (stream.TryPeekTime(out long ts))
        {
            if (lastNs != long.MinValue && ts - lastNs > _request.SessionGapNs) break;
            if (ts < lastNs) OutOfOrderEvents++;
            else lastNs = ts;
            _ticks.RunUntil(ts);
            stream.DeliverNext(_tap);
            _ticks.EventReplayed(ts);
            if ((++delivered & ProgressMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _request.Progress?.Invoke(delivered, ts);
            }
        }
        long end = Math.Max(lastNs, _clock.NowNs) + _request.FinishHorizonNs;
        _ticks.RunUntil(end);
        _exchange.Timeline.RunThrough(end);
        Equity.Sample(_clock.NowNs);
    }
}
