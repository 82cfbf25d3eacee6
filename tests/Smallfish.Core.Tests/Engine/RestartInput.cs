using Smallfish.Core.Engine;
using Smallfish.Core.Recovery;
using Smallfish.Core.State;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// What the service gathers at a restart, taken from the simulated venue (open orders, net positions, last prices,
/// the executions history) and from the journal the crashed engine wrote; the saved state is the crashed engine's
/// last snapshot (what the journal's engine state holds).
/// </summary>
internal static class RestartInput
{
    public static ReconciliationInput From(EngineHarness h, RuntimeSnapshot saved, long runCounter)
    {
        var positions = new List<ExchangeNetPosition>();
        var orders = new List<ExchangeOpenOrder>();
        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var spec in h.Specs)
        {
            var p = h.Venue.GetPosition(spec.Symbol);
            if (p.NetLots != 0)
            {
                positions.Add(new ExchangeNetPosition(spec.Symbol, p.NetLots > 0 ? Core.Domain.Side.Buy : Core.Domain.Side.Sell,
                    Math.Abs(p.NetLots), p.AvgEntryTicks));
            }
            orders.AddRange(h.Venue.GetOpenOrders(spec.Symbol));
            long last = h.Venue.LastTradeTicks(spec.Symbol);
            if (last > 0) prices[spec.Symbol] = last;
        }
        return new ReconciliationInput
        {
            Positions = positions,
            OpenOrders = orders,
            Executions = h.Tap.Fills.ToArray(),
            LastPriceTicks = prices,
            Journal = JournalRecoveryBuilder.From(h.Journal),
            RunCounter = runCounter,
            Restored = RestoredState.From(saved),
        };
    }

    /// <summary>
    /// Starts the next engine after <see cref="EngineHarness.Crash"/> (run from the input, as the service computes it)
    /// and reconciles it at the current time. <paramref name="adjust"/> may change the input first (e.g. a lost journal).
    /// </summary>
    public static (TradingEngine Engine, ReconciliationInput Input, ReconciliationReport Report) Restart(EngineHarness h, RuntimeSnapshot saved,
        long runCounter, Func<ReconciliationInput, ReconciliationInput>? adjust = null, Action<Core.Configuration.SmallfishOptions>? configure = null)
    {
        var input = From(h, saved, runCounter);
        if (adjust is not null) input = adjust(input);
        var engine = h.Restart(input.NextRun(), configure);
        var report = engine.Reconcile(input, h.Now);
        return (engine, input, report);
    }
}
