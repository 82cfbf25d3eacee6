using Smallfish.Core.Domain;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// Forwards the venue's reports to the running engine (nowhere while it is down) and keeps every fill: the account's
/// executions history a REST executions query would return after a restart.
/// </summary>
internal sealed class ExecutionTap : IExecutionSink, IFundingSink
{
    public ProtectionCheckingSink? Target { get; set; }

    public List<Fill> Fills { get; } = new();

    public void OnOrderUpdate(in OrderUpdate update) => Target?.OnOrderUpdate(update);

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        Target?.OnFill(fill);
    }

    public void OnFunding(in FundingPayment payment) => Target?.OnFunding(payment);
}
