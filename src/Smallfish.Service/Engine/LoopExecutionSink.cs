using System.Threading.Channels;
using Smallfish.Core.Domain;

namespace Smallfish.Service.Engine;

/// <summary>
/// The loop's entrance for execution reports, called on the private stream's (or the paper venue's) thread. Reports
/// are never dropped: when the queue is full the caller waits for room. After the loop has ended they are refused
/// and counted (the next start reconciles against the venue).
/// </summary>
internal sealed class LoopExecutionSink(ChannelWriter<EngineInput> writer, EngineLoopCounters counters) : IExecutionSink, IFundingSink
{
    public void OnOrderUpdate(in OrderUpdate update) => Write(EngineInput.ForOrderUpdate(update));

    public void OnFill(in Fill fill) => Write(EngineInput.ForFill(fill));

    public void OnFunding(in FundingPayment payment) => Write(EngineInput.ForFunding(payment));

    private void Write(EngineInput input)
    {
        if (writer.TryWrite(input)) return;
        try
        {
            writer.WriteAsync(input).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            counters.RefusedReport();
        }
    }
}
