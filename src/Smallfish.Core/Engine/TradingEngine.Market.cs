using Smallfish.Core.Domain;
using Smallfish.Core.Execution;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Engine;

/// <summary>Market events and entry decisions.</summary>
public sealed partial class TradingEngine
{
    /// <summary>The decision's action when every gate passed and the entry was started.</summary>
    public const string ActionEnter = "enter";

    /// <summary>The decision's action when a gate blocked the entry.</summary>
    public const string ActionBlocked = "blocked";

    /// <summary>The decision's action when sizing gave less than the exchange minimum.</summary>
    public const string ActionSkip = "skip";

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        long now = NowNs();
        State.CountEvent();
        if ((uint)update.SymbolId >= (uint)_contexts.Length) return;
        var ctx = _contexts[update.SymbolId];
        var result = ctx.Sync.Apply(update);
        switch (result)
        {
            case BookSyncResult.Applied or BookSyncResult.Synced:
                ctx.LastBookNs = now;
                break;
            case BookSyncResult.Gap or BookSyncResult.Crossed or BookSyncResult.StaleSnapshot:
                State.RecordBookResync();
                break;
            default:
                RunDueTimeWork(now);
                return;
        }
        _features.OnBook(ctx.Book, now);
        Evaluate(ctx, now);
        ctx.Router.OnBook(now);
        RunDueTimeWork(now);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        long now = NowNs();
        State.CountEvent();
        if ((uint)trade.SymbolId >= (uint)_contexts.Length) return;
        var ctx = _contexts[trade.SymbolId];
        _features.OnTrade(trade, now);
        ctx.Brackets.OnTrade(trade.PriceTicks, now);
        _shadows.OnTrade(ctx.Id, trade.PriceTicks, now);
        Evaluate(ctx, now);
        RunDueTimeWork(now);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        State.CountEvent();
        RunDueTimeWork(NowNs());
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        long now = NowNs();
        State.CountEvent();
        if ((uint)ticker.SymbolId < (uint)_contexts.Length) _contexts[ticker.SymbolId].Funding.OnNextFundingTime(ticker.NextFundingTimeNs);
        RunDueTimeWork(now);
    }

    private void Evaluate(SymbolContext ctx, long nowNs)
    {
        var fusion = ctx.Fusion;
        _signals.Evaluate(ctx.Id, in _features.Get(ctx.Id), nowNs, fusion);
        State.SetScores(ctx.Id, fusion.Scores, fusion.Direction * fusion.Confidence, nowNs);
        if (ctx.Grid is { } grid)
        {
            // One owner per symbol: the grid trades this symbol; the fusion only biases its center.
            OnGridMarket(ctx, grid);
            return;
        }
        ctx.Router.OnSignal(fusion.Confidence, fusion.Direction, nowNs);
        if (fusion.WantsEntry && fusion.Direction != 0) Decide(ctx, nowNs);
        else ctx.LastWanted = false;
    }

    private void Decide(SymbolContext ctx, long nowNs)
    {
        var fusion = ctx.Fusion;
        var side = fusion.Direction > 0 ? Side.Buy : Side.Sell;
        ref readonly var features = ref _features.Get(ctx.Id);
        long entry = EntryPricing.PostOnlyPrice(ctx.Book, side, ctx.EntryOffsetTicks);
        long distance = ctx.Stop.DistanceTicks(features);
        decimal exposure = OpenExposure();

        var input = new GateInput
        {
            NowNs = nowNs,
            Halted = IsHalted,
            Reconciling = IsReconciling,
            KillSwitchTripped = State.KillSwitch.IsTripped,
            DailyNetR = State.Daily.NetR,
            BookValid = features.IsBookValid && entry > 0,
            LastBookNs = ctx.LastBookNs,
            FeedLatencyNs = (long)(features.FeedLatencyMs * Ms),
            SpreadTicks = ctx.Book.SpreadTicks,
            FundingDistanceNs = ctx.Funding.DistanceToNearestNs(nowNs),
            LastLossNs = State.LastLossNs,
            PositionOpen = ctx.Brackets.HasPosition,
            EntryWorking = ctx.Router.IsBlocking(nowNs),
            OpenPositions = State.Positions.Count,
            MarginHeadroom = State.Equity.Equity * ctx.Options.Risk.Leverage - exposure,
            MinOrderNotional = entry > 0 ? ctx.Spec.Notional(entry, ctx.Spec.MinimumLotsAt(entry)) : 0,
        };
        var gate = PreTradeGates.Evaluate(input, ctx.Limits);
        long lots = 0;
        if (gate == GateReason.Pass)
        {
            var risk = ctx.Options.Risk;
            var request = new SizingRequest(State.Equity.Equity, risk.RiskPerTradePct, State.SizeMultiplier(ctx.Tiers),
                risk.EquityCapMultiple, exposure, side, entry, distance);
            lots = PositionSizer.Size(request, ctx.Spec).Lots;
            if (lots == 0) gate = GateReason.BelowMinimumSize;
        }

        if (gate != GateReason.Pass && ctx.LastWanted && ctx.LastGate == gate && ctx.LastDirection == fusion.Direction) return;
        ctx.LastWanted = true;
        ctx.LastGate = gate;
        ctx.LastDirection = fusion.Direction;

        long sequence = ++DecisionSequence;
        string action = gate switch
        {
            GateReason.Pass => ActionEnter,
            GateReason.BelowMinimumSize => ActionSkip,
            _ => ActionBlocked,
        };
        _journal.RecordDecision(new DecisionRecord(nowNs, ctx.Symbol, sequence, fusion.Direction, fusion.Confidence,
            fusion.ActiveCount, fusion.AgreeingCount, (double[])fusion.Scores.Clone(), (double[])fusion.Weights.Clone(),
            gate, action, entry, lots));

        if (gate == GateReason.Pass)
        {
            ctx.Router.Start(sequence, side, lots, distance, fusion.Confidence, nowNs);
        }
        else if (entry > 0)
        {
            var risk = ctx.Options.Risk;
            var plan = BracketPlan.Create(side, entry, distance, risk.RewardRisk, 0);
            _shadows.TryOpen(ctx.Id, side, gate, plan, fusion.Confidence, nowNs, ctx.ShadowTimeoutNs);
        }
    }

    /// <summary>Notional held in open positions plus what working entries may still add, quote currency.</summary>
    private decimal OpenExposure()
    {
        decimal sum = _grids.Length == 0 ? 0 : GridExposure();
        foreach (var ctx in _contexts)
        {
            if (ctx.Brackets.Position is { } p) sum += p.EntryPriceTicks * ctx.Spec.TickSize * p.QtyLots * ctx.Spec.QtyStep;
            var router = ctx.Router;
            if (router.IsActive && router.Current is { } o) sum += ctx.Spec.Notional(o.PriceTicks > 0 ? o.PriceTicks : o.IntendedPriceTicks, Math.Max(0, router.TargetLots - router.FilledLots));
        }
        return sum;
    }
}
