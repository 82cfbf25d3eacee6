using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Grid;
using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Engine;

/// <summary>
/// The multigrid inside the engine (<c>Smallfish:Multigrid:Enabled</c>): one <see cref="GridStrategy"/> per grid symbol,
/// fed after the features and the fusion on every market event of its symbol, gated by the engine's risk gates, sent
/// through the engine's order sink (journaled and tracked like the engine's own orders), its round trips booked into
/// the one equity ledger and the journal, cancelled by the kill switch, and published in <see cref="State.RuntimeSnapshot.Grids"/>.
/// </summary>
/// <remarks>
/// One owner per symbol: the grid owns the net position of its symbols, so the scalper makes no entries there (the
/// fusion still runs and biases the grid's center). A bracketed position on a grid symbol (taken over at a restart)
/// holds the grid (<see cref="GateReason.PositionOpen"/>) until it is closed.
/// </remarks>
public sealed partial class TradingEngine : IGridSnapshotSource
{
    private GridStrategy[] _grids = [];
    private GridOrderPort? _gridPort;
    private decimal _gridLevelPct;

    /// <summary>The grids, in symbol-table order (empty when the multigrid is off).</summary>
    public IReadOnlyList<GridStrategy> Grids => _grids;

    /// <inheritdoc />
    public IReadOnlyList<GridState> SnapshotGrids() => State.GridSnapshots(); // the grids attached to State are these

    /// <summary>The grid of <paramref name="symbolId"/>, or null when that symbol has none.</summary>
    public GridStrategy? Grid(int symbolId) => (uint)symbolId < (uint)_contexts.Length ? _contexts[symbolId].Grid : null;

    /// <summary>Clears the grid stop of every stopped grid (they start again from a fresh center). Returns how many were reset.</summary>
    public int ResetGrids()
    {
        int n = 0;
        foreach (var g in _grids) if (g.Reset()) n++;
        return n;
    }

    /// <summary>
    /// Which symbols the grid trades: <see cref="MultigridOptions.Symbols"/>, or every engine symbol when that is
    /// empty. Throws for a grid symbol the engine does not trade.
    /// </summary>
    private void BuildGrids(EngineSetup setup, Domain.IOrderCommands orders)
    {
        var options = setup.Options.Multigrid;
        if (!options.Enabled) return;
        _gridPort = new GridOrderPort(orders, _journal, State, _clock);
        _gridLevelPct = (decimal)options.SizePerLevelPct / 100m;
        var gate = new EngineGridGate(this);
        var grids = new List<GridStrategy>();
        foreach (var symbol in options.Symbols)
        {
            if (!_bySymbol.ContainsKey(symbol)) throw new ArgumentException($"Smallfish:Multigrid:Symbols: {symbol} is not one of the engine's symbols", nameof(setup));
        }
        for (int i = 0; i < _contexts.Length; i++)
        {
            var ctx = _contexts[i];
            if (options.Symbols.Count > 0 && !options.Symbols.Contains(ctx.Symbol, StringComparer.Ordinal)) continue;
            var settings = new GridStrategySettings(options, ctx.Spec, ctx.Id, Run, setup.Options.Risk.KillSwitch.FlattenOnKill);
            ctx.Grid = new GridStrategy(settings, _gridPort, gate, _clock, new GridTradeRecorder(ctx.Spec, State, _journal, _clock, ctx.Options.Risk.RiskPerTradePct));
            grids.Add(ctx.Grid);
        }
        _grids = grids.ToArray();
        State.AttachGrids(_grids);
    }

    /// <summary>
    /// The engine's pre-trade gates for grid orders of <paramref name="symbolId"/> (<see cref="GridGates.Evaluate"/>):
    /// filled as for an entry (halt, restart reconciliation, kill switch, daily loss, book, feed latency, spread,
    /// funding window, cooldown, margin with one level order as the order's notional), plus
    /// <see cref="GateReason.PositionOpen"/> while a bracketed position holds the symbol. No allocation.
    /// </summary>
    internal GateReason CheckGridGate(int symbolId, in MarketFeatures features)
    {
        var ctx = _contexts[symbolId];
        long now = NowNs();
        decimal equity = State.Equity.Equity;
        var input = new GateInput
        {
            NowNs = now,
            Halted = IsHalted,
            Reconciling = IsReconciling,
            KillSwitchTripped = State.KillSwitch.IsTripped,
            DailyNetR = State.Daily.NetR,
            BookValid = features.IsBookValid,
            LastBookNs = ctx.LastBookNs,
            FeedLatencyNs = (long)(features.FeedLatencyMs * Ms),
            SpreadTicks = ctx.Book.SpreadTicks,
            FundingDistanceNs = ctx.Funding.DistanceToNearestNs(now),
            LastLossNs = State.LastLossNs,
            MarginHeadroom = equity * ctx.Options.Risk.Leverage - OpenExposure(),
            MinOrderNotional = equity * _gridLevelPct,
        };
        var gate = GridGates.Evaluate(input, ctx.Limits);
        if (gate == GateReason.Pass && ctx.Brackets.HasPosition) return GateReason.PositionOpen;
        return gate;
    }

    /// <summary>A market event of a grid symbol, after the features and the fusion: the grid plans, re-centers and places.</summary>
    private void OnGridMarket(SymbolContext ctx, GridStrategy grid) =>
        grid.OnMarket(in _features.Get(ctx.Id), ctx.Fusion, State.Equity.Equity);

    /// <summary>Routes a report of a grid order to its grid; false when the order is not a grid's.</summary>
    private bool TryGridUpdate(in OrderUpdate update, long nowNs)
    {
        if (!TryGridOf(update.Symbol, update.ClientOrderId, out var grid)) return false;
        _gridPort!.OnOrderUpdate(update);
        grid.OnOrderUpdate(update);
        AfterGrid(nowNs);
        return true;
    }

    /// <summary>Routes a fill of a grid order to its grid; false when the order is not a grid's.</summary>
    private bool TryGridFill(in Fill fill, long nowNs)
    {
        if (!TryGridOf(fill.Symbol, fill.ClientOrderId, out var grid)) return false;
        _gridPort!.OnFill(fill);
        grid.OnFill(fill);
        AfterGrid(nowNs);
        return true;
    }

    private bool TryGridOf(string symbol, string clientOrderId, out GridStrategy grid)
    {
        grid = null!;
        if (_grids.Length == 0 || !_bySymbol.TryGetValue(symbol, out int id) || _contexts[id].Grid is not { } g || !g.Owns(clientOrderId)) return false;
        grid = g;
        return true;
    }

    /// <summary>A grid round trip may have moved the day's P&amp;L: the kill switch's limits are checked after each grid report.</summary>
    private void AfterGrid(long nowNs)
    {
        if (_kill.CheckLimits(State, nowNs)) OnKillTripped(nowNs);
    }

    /// <summary>Notional of the grids' inventory at the touch it would exit at, quote currency.</summary>
    private decimal GridExposure()
    {
        decimal sum = 0;
        foreach (var ctx in _contexts)
        {
            if (ctx.Grid is not { InventoryLots: not 0 } g) continue;
            long lots = Math.Abs(g.InventoryLots);
            long px = g.InventoryLots > 0 ? ctx.Book.BestBid : ctx.Book.BestAsk;
            if (px > 0) sum += ctx.Spec.Notional(px, lots);
        }
        return sum;
    }
}
