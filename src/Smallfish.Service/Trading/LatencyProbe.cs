namespace Smallfish.Service.Trading;

/// <summary>
/// Tracks, for the latency benchmark, which market frame led to an order request: the engine loop stamps the receive
/// time of the frame it is processing (<see cref="Trigger"/>), the order gateway carries it with each command, and the
/// transport reads <see cref="Sending"/> when the request's first bytes are written. Costs one field write per input
/// when nobody listens.
/// </summary>
public sealed class LatencyProbe
{
    private static readonly AsyncLocal<long> SendingTrigger = new();

    /// <summary>Receive time (ns, Unix) of the market frame the loop is processing; 0 outside market events. Loop thread only.</summary>
    public long Trigger { get; set; }

    /// <summary>Called (on the loop thread) when the engine issues an order command while processing a book frame: trigger and now, ns. Null = nobody listens.</summary>
    public Action<long>? CommandIssued { get; set; }

    /// <summary>The trigger of the request the current asynchronous flow is sending (0 when none).</summary>
    public static long Sending => SendingTrigger.Value;

    /// <summary>Sets <see cref="Sending"/> for the current asynchronous flow (the gateway's sender, before each REST call).</summary>
    internal static void BeginSend(long triggerNs) => SendingTrigger.Value = triggerNs;
}
