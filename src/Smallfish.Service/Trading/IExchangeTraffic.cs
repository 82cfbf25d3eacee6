namespace Smallfish.Service.Trading;

/// <summary>
/// What a part of the service has under way with the exchange: frames taken off its sockets that the stream consumer
/// has not finished with, and order commands whose answer has not been handed on yet. The part is drained when
/// <see cref="FramesReceived"/> equals <see cref="FramesHandled"/> and <see cref="CommandsInFlight"/> is zero; a
/// lockstep replay waits for that (together with the engine loop's own drain) before its next input.
/// </summary>
public interface IExchangeTraffic
{
    /// <summary>WebSocket frames taken off the sockets so far.</summary>
    long FramesReceived { get; }

    /// <summary>Frames the stream consumer has finished with (handed to the engine loop's input, or discarded).</summary>
    long FramesHandled { get; }

    /// <summary>Order commands queued or being sent whose answer has not been handed on.</summary>
    int CommandsInFlight { get; }
}
