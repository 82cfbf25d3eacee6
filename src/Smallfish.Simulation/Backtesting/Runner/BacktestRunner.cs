using System.Diagnostics;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Time;
using Smallfish.Simulation.Backtesting.Reports;
using Smallfish.Simulation.Backtesting.Statistics;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Runs one backtest: for each session of the stream (a continuous stretch; a pause longer than
/// <see cref="BacktestRunRequest.SessionGapNs"/> starts a new one), a <see cref="SimulatedClock"/> starting at the
/// session's first exchange time, a <see cref="SimulatedExchange"/> (venue, feed delay, timeline) built from the
/// request's venue options, and the strategy built through the request's factory, connected to the venue through a
/// <see cref="CommandLog"/> and a <see cref="RunJournal"/> (see <see cref="RunSession"/>). The strategy's timer and
/// the equity samples run on fixed grids released from the replay loop (<see cref="TickSchedule"/>); equity is also
/// sampled at every closed trade; fills and exposure are measured at the venue. Each symbol's results, over all
/// sessions, become a <see cref="SymbolProfileReport"/> with its <see cref="BacktestStatistics"/>.
/// </summary>
/// <remarks>
/// <para>Sessions: recordings are often several windows of one market days or weeks apart. Replaying them as one
/// stream would carry a position through the hole and fill its stop at a price weeks later; instead each session
/// starts flat, with a fresh engine and venue at the starting equity. Trades, fills and exposure add up; the equity
/// curve is chained (each session's curve is shifted by the P&amp;L of the sessions before it), and a position still
/// open when a session's data ends is valued at its last mark there.</para>
/// <para>A run is single-threaded and reads no wall clock for anything it reports, so the same request gives
/// byte-identical reports; parallel runs (a sweep) share nothing but the read-only inputs.</para>
/// </remarks>
public static class BacktestRunner
{
    /// <summary>Runs <paramref name="request"/> to the end of its stream.</summary>
    public static BacktestRunResult Run(BacktestRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.EquityIntervalNs, 1_000_000L, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.TimerIntervalNs, 1_000_000L, nameof(request));
        long started = Stopwatch.GetTimestamp();
        var symbols = new string[request.Instruments.Count];
        for (int i = 0; i < symbols.Length; i++) symbols[i] = request.Instruments[i].Symbol;
        var sampler = request.SignalStudy is { } study ? new SignalSampler(request.Instruments, study) : null;
        var totals = new RunTotals(symbols.Length, request.StartingEquity);

        using var stream = request.OpenStream();
        long delivered = 0;
        RunSession? last = null;
        while (stream.TryPeekTime(out long first))
        {
            var session = new RunSession(request, symbols, first, sampler);
            session.Replay(stream, ref delivered, cancellationToken);
            totals.Add(session);
            last = session;
        }
        if (last is null)
        {
            last = new RunSession(request, symbols, 0, sampler);
            totals.Add(last);
        }
        request.Progress?.Invoke(delivered, last.EndNs);

        var reports = new SymbolProfileReport[symbols.Length];
        int open = 0;
        for (int i = 0; i < symbols.Length; i++)
        {
            if (last.Executions.HasPosition(i)) open++;
            reports[i] = Report(request, symbols[i], i, totals, last.Strategy);
        }
        return new BacktestRunResult(reports, totals.Commands, totals.Decisions, delivered, totals.OutOfOrder, open,
            Stopwatch.GetElapsedTime(started).TotalSeconds, sampler?.Complete() ?? [], totals.Sessions);
    }

    private static SymbolProfileReport Report(BacktestRunRequest request, string symbol, int id, RunTotals totals, IBacktestStrategy strategy)
    {
        var trades = totals.Trades.Where(t => t.Symbol == symbol).ToList();
        long slippage = 0;
        foreach (var t in trades) slippage += t.SlippageTicks;
        var windows = totals.Windows[id];
        long activeNs = 0;
        foreach (var (from, to) in windows) activeNs += to - from;
        var stats = BacktestStatistics.Compute(new BacktestStatisticsInput
        {
            Trades = trades,
            Equity = totals.Equity[id],
            InitialEquity = request.StartingEquity,
            Fills = new FillStatistics(totals.MakerFills[id], totals.TakerFills[id], slippage, trades.Count),
            Exposure = totals.Exposure[id],
            Events = totals.Events[id],
            FirstTsNs = totals.FirstNs[id],
            LastTsNs = totals.LastNs[id],
            Frequency = windows.Count > 1 ? StatsFrequency.ForSession(activeNs) : null,
        });
        if (windows.Count > 1) stats = AcrossWindows(stats, totals.Equity[id], totals.Exposure[id], windows, activeNs);
        return new SymbolProfileReport
        {
            Symbol = symbol,
            Profile = request.Profile,
            Statistics = stats,
            Trades = trades,
            Equity = totals.Equity[id],
            ShadowTrades = totals.Shadows.Where(s => s.Symbol == symbol).ToList(),
            SignalWeights = strategy.LastFusion(id)?.Weights.ToArray() ?? [],
            Synthetic = request.Synthetic,
        };
    }

    // Time-based figures of a run made of several windows count the windows only, not the holes between them: returns
    // are taken per window and pooled, and exposure is the share of the windows' time with a position open.
    private static BacktestStatistics AcrossWindows(BacktestStatistics stats, IReadOnlyList<EquityPoint> equity,
        IReadOnlyList<ExposureInterval> exposure, IReadOnlyList<(long From, long To)> windows, long activeNs)
    {
        var returns = new List<double>();
        long exposed = 0;
        foreach (var (from, to) in windows)
        {
            var inWindow = equity.Where(p => p.TsNs >= from && p.TsNs <= to).ToList();
            if (inWindow.Count > 0) returns.AddRange(EquityResampler.Returns(inWindow, from, to, stats.Frequency.IntervalNs));
            if (to > from) exposed += (long)Math.Round(Statistics.Exposure.Fraction(exposure, from, to) * (to - from));
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(returns);
        return stats with
        {
            Sharpe = ReturnRatios.Sharpe(span, stats.Frequency.PeriodsPerYear),
            Sortino = ReturnRatios.Sortino(span, stats.Frequency.PeriodsPerYear),
            ReturnPeriods = returns.Count,
            Exposure = activeNs > 0 ? (double)exposed / activeNs : 0,
        };
    }

    /// <summary>What the sessions of a run add up to.</summary>
    private sealed class RunTotals
    {
        private readonly decimal _start;
        private readonly decimal[] _offset;

        public RunTotals(int symbols, decimal startingEquity)
        {
            _start = startingEquity;
            _offset = new decimal[symbols];
            Equity = new List<EquityPoint>[symbols];
            Exposure = new List<ExposureInterval>[symbols];
            Windows = new List<(long, long)>[symbols];
            for (int i = 0; i < symbols; i++)
            {
                Equity[i] = new List<EquityPoint>();
                Exposure[i] = new List<ExposureInterval>();
                Windows[i] = new List<(long, long)>();
            }
            MakerFills = new long[symbols];
            TakerFills = new long[symbols];
            Events = new long[symbols];
            FirstNs = new long[symbols];
            LastNs = new long[symbols];
        }

        public int Sessions { get; private set; }

        public long Decisions { get; private set; }

        public long OutOfOrder { get; private set; }

        public List<TradeResult> Trades { get; } = new();

        public List<ShadowTrade> Shadows { get; } = new();

        public List<CommandRecord> Commands { get; } = new();

        public List<EquityPoint>[] Equity { get; }

        public List<ExposureInterval>[] Exposure { get; }

        /// <summary>Per symbol, the exchange-time span of its events in each session.</summary>
        public List<(long From, long To)>[] Windows { get; }

        public long[] MakerFills { get; }

        public long[] TakerFills { get; }

        public long[] Events { get; }

        public long[] FirstNs { get; }

        public long[] LastNs { get; }

        public void Add(RunSession session)
        {
            Sessions++;
            Decisions += session.Journal.Decisions;
            OutOfOrder += session.OutOfOrderEvents;
            Trades.AddRange(session.Journal.Trades);
            Shadows.AddRange(session.Journal.ShadowTrades);
            Commands.AddRange(session.Commands.Records);
            for (int i = 0; i < _offset.Length; i++)
            {
                var series = session.Equity.Series(i);
                foreach (var p in series)
                {
                    var point = new EquityPoint(p.TsNs, p.Equity + _offset[i]);
                    if (Equity[i].Count > 0 && Equity[i][^1].TsNs >= p.TsNs) Equity[i][^1] = point with { TsNs = Equity[i][^1].TsNs };
                    else Equity[i].Add(point);
                }
                if (series.Count > 0) _offset[i] += series[^1].Equity - _start;
                MakerFills[i] += session.Executions.MakerFills[i];
                TakerFills[i] += session.Executions.TakerFills[i];
                var m = session.Market;
                if (m.Events[i] > 0)
                {
                    Windows[i].Add((m.FirstNs[i], m.LastNs[i]));
                    if (Events[i] == 0) FirstNs[i] = m.FirstNs[i];
                    LastNs[i] = Math.Max(LastNs[i], m.LastNs[i]);
                    Events[i] += m.Events[i];
                }
                Exposure[i].AddRange(session.Executions.Exposure(i, m.Events[i] > 0 ? m.LastNs[i] : session.EndNs));
            }
        }
    }
}
