using Smallfish.Core.Domain;
using Smallfish.Core.Engine;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// Forwards the venue's reports to the engine and, after each one, checks the protection invariant: every open
/// position has a working stop for its whole size, placed within the same event as the fill that opened or grew it,
/// unless it is being closed at market.
/// </summary>
internal sealed class ProtectionCheckingSink : IExecutionSink, IFundingSink
{
    private readonly TradingEngine _engine;

    public ProtectionCheckingSink(TradingEngine engine) => _engine = engine;

    public List<string> Violations { get; } = new();

    public long FillsChecked { get; private set; }

    public void OnOrderUpdate(in OrderUpdate update)
    {
        _engine.OnOrderUpdate(update);
        Check("update " + update.ClientOrderId);
    }

    public void OnFill(in Fill fill)
    {
        _engine.OnFill(fill);
        FillsChecked++;
        Check("fill " + fill.ClientOrderId);
    }

    public void OnFunding(in FundingPayment payment) => _engine.OnFunding(payment);

    private void Check(string after)
    {
        for (int i = 0; i < _engine.Symbols.Count; i++)
        {
            var b = _engine.Brackets(i);
            if (b.Position is not { } p) continue;
            bool exiting = b.PendingExit is not null;
            bool stopped = b.StopOrder is { IsTerminal: false } s && s.OpenLots >= p.QtyLots && s.TriggerTicks == p.StopTicks;
            if (!stopped && !exiting)
            {
                Violations.Add($"{_engine.Symbols[i]} after {after}: position {p.QtyLots} lots without a full stop (stop: {b.StopOrder?.ClientOrderId} {b.StopOrder?.Order.Status} open={b.StopOrder?.OpenLots})");
            }
        }
    }
}
