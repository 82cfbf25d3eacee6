namespace Smallfish.Remote.Handling;

/// <summary>
/// Answers remote commands. The service implements it over RuntimeState (or implements
/// <see cref="IRemoteViewSource"/> and uses <see cref="ViewRemoteCommandHandler"/>). Called off the trading thread;
/// implementations read snapshots and post commands to the engine rather than mutating state themselves.
/// Replies are plain text and must never contain secrets.
/// </summary>
public interface IRemoteCommandHandler
{
    /// <summary><c>/status</c>: equity, positions, P&amp;L, drawdown, volatility regime.</summary>
    ValueTask<RemoteReply> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary><c>/trades [n]</c>: the last <paramref name="count"/> round trips with P&amp;L bars.</summary>
    ValueTask<RemoteReply> GetTradesAsync(int count, CancellationToken cancellationToken);

    /// <summary><c>/equity</c>: the equity curve (a PNG reply).</summary>
    ValueTask<RemoteReply> GetEquityAsync(CancellationToken cancellationToken);

    /// <summary><c>/grid</c>: multigrid status and active levels.</summary>
    ValueTask<RemoteReply> GetGridAsync(CancellationToken cancellationToken);

    /// <summary><c>/config</c>: profile and risk parameters (never keys or tokens).</summary>
    ValueTask<RemoteReply> GetConfigAsync(CancellationToken cancellationToken);

    /// <summary><c>/kill confirm</c>: trigger the kill switch. Called only after confirmation.</summary>
    ValueTask<RemoteReply> KillAsync(RemoteRequester requester, CancellationToken cancellationToken);

    /// <summary><c>/resume confirm</c>: reset the kill switch and resume trading. Called only after confirmation.</summary>
    ValueTask<RemoteReply> ResumeAsync(RemoteRequester requester, CancellationToken cancellationToken);
}
