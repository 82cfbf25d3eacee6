using System.Diagnostics;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;
using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Statistics;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Runs one backtest: a <see cref="SimulatedClock"/> starting at the stream's first exchange time, a
/// <see cref="SimulatedExchange"/> (venue, feed delay, timeline) built from the request's venue options, the strategy
/// built through the request's factory and connected to the venue through a <see cref="CommandLog"/> and the run's
/// <see cref="RunJournal"/>, and the stream replayed event by event. The strategy's timer and the equity samples run on
/// fixed grids released from the replay loop (<see cref="TickSchedule"/>, which skips data gaps); equity is also sampled
/// at every closed trade; fills and exposure are measured at the venue; after the last event the simulation runs on
/// for <see cref="BacktestRunRequest.FinishHorizonNs"/> so that orders in flight land. Each symbol's results become a
/// <see cref="SymbolProfileReport"/> with its <see cref="BacktestStatistics"/>.
/// </summary>
/// <remarks>
/// A run is single-threaded and reads no wall clock for anything it reports, so the same request gives byte-identical
/// reports; parallel runs (a sweep) share nothing but the read-only inputs.
/// </remarks>
public static class BacktestRunner
{
    private const int ProgressMask = (1 << 16) - 1;

    /// <summary>Runs <paramref name="request"/> to the end of its stream.</summary>
    public static BacktestRunResult Run(BacktestRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.EquityIntervalNs, 1_000_000L, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.TimerIntervalNs, 1_000_000L, nameof(request));
        long started = Stopwatch.GetTimestamp();
        var symbols = new string[request.Instruments.Count];
        for (int i = 0; i < symbols.Length; i++) symbols[i] = request.Instruments[i].Symbol;

        using var stream = request.OpenStream();
        long firstNs = stream.TryPeekTime(out long t0) ? t0 : 0;
        var clock = new SimulatedClock(firstNs);
        var venueOptions = request.Venue with { InitialBalance = request.StartingEquity };
        var exchange = new SimulatedExchange(request.Instruments, clock, venueOptions);
        var journal = new RunJournal();
        var commands = new CommandLog(exchange.Orders, clock);
        var strategy = request.Strategy(new BacktestContext
        {
            Options = request.Options,
            Profile = request.Profile,
            Clock = clock,
            Orders = commands,
            Journal = journal,
            Symbols = symbols,
            Instruments = request.Instruments,
            StartingEquity = request.StartingEquity,
            Exchange = request.Exchange,
            BookSync = request.BookSync,
        });
        var executions = new ExecutionTap(symbols);
        executions.Connect(strategy, strategy);
        exchange.Connect(strategy, executions, executions);

        var equity = new EquityTracker(exchange.Venue, request.Instruments, request.StartingEquity);
        journal.TradeRecorded = _ => equity.Sample(clock.NowNs);
        equity.Sample(firstNs);
        var sampler = request.SignalStudy is { } study ? new SignalSampler(strategy, exchange.Venue, request.Instruments, study) : null;
        Action<long> onTimer = sampler is null ? strategy.OnTimer : now =>
        {
            strategy.OnTimer(now);
            sampler.Sample(now);
        };
        var ticks = new TickSchedule(exchange, firstNs, request.TimerIntervalNs, request.EquityIntervalNs, onTimer, equity.Sample);

        var tap = new MarketTap(exchange, symbols.Length);
        long delivered = 0, outOfOrder = 0, lastNs = long.MinValue;
        while (stream.TryPeekTime(out long ts))
        {
            if (ts < lastNs) outOfOrder++;
            else lastNs = ts;
            ticks.RunUntil(ts);
            stream.DeliverNext(tap);
            ticks.EventReplayed(ts);
            if ((++delivered & ProgressMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                request.Progress?.Invoke(delivered, ts);
            }
        }
        long end = Math.Max(lastNs, clock.NowNs) + request.FinishHorizonNs;
        ticks.RunUntil(end);
        exchange.Timeline.RunThrough(end);
        equity.Sample(clock.NowNs);
        request.Progress?.Invoke(delivered, lastNs);

        var reports = new SymbolProfileReport[symbols.Length];
        int open = 0;
        for (int i = 0; i < symbols.Length; i++)
        {
            if (executions.HasPosition(i)) open++;
            reports[i] = Report(request, i, journal, executions, equity, tap);
        }
        return new BacktestRunResult(reports, commands.Records, journal.Decisions, delivered, outOfOrder, open,
            Stopwatch.GetElapsedTime(started).TotalSeconds, sampler?.Complete() ?? []);

        SymbolProfileReport Report(BacktestRunRequest r, int id, RunJournal j, ExecutionTap x, EquityTracker e, MarketTap m)
        {
            string symbol = symbols[id];
            var trades = j.Trades.Where(t => t.Symbol == symbol).ToList();
            long slippage = 0;
            foreach (var t in trades) slippage += t.SlippageTicks;
            long end = m.LastNs[id];
            var stats = BacktestStatistics.Compute(new BacktestStatisticsInput
            {
                Trades = trades,
                Equity = e.Series(id),
                InitialEquity = r.StartingEquity,
                Fills = new FillStatistics(x.MakerFills[id], x.TakerFills[id], slippage, trades.Count),
                Exposure = x.Exposure(id, Math.Max(end, clock.NowNs)),
                Events = m.Events[id],
                FirstTsNs = m.FirstNs[id],
                LastTsNs = end,
            });
            return new SymbolProfileReport
            {
                Symbol = symbol,
                Profile = r.Profile,
                Statistics = stats,
                Trades = trades,
                Equity = e.Series(id),
                ShadowTrades = j.ShadowTrades.Where(s => s.Symbol == symbol).ToList(),
                SignalWeights = strategy.LastFusion(id)?.Weights.ToArray() ?? [],
                Synthetic = r.Synthetic,
            };
        }
    }
}
