namespace Smallfish.Remote.Handling;

/// <summary>
/// Snapshots and actions behind <see cref="ViewRemoteCommandHandler"/>: the service implements this over RuntimeState
/// (reading snapshots, posting kill/resume to the engine) and gets the standard replies for free.
/// </summary>
public interface IRemoteViewSource
{
    /// <summary>Current status snapshot.</summary>
    StatusView GetStatus();

    /// <summary>The last <paramref name="count"/> closed trades, newest last.</summary>
    IReadOnlyList<TradeView> GetRecentTrades(int count);

    /// <summary>Equity samples, oldest first.</summary>
    IReadOnlyList<double> GetEquityCurve();

    /// <summary>Multigrid status.</summary>
    GridView GetGrid();

    /// <summary>Profile and risk parameters.</summary>
    ConfigView GetConfig();

    /// <summary>Asks the engine to trigger the kill switch; true when it was off and is now on.</summary>
    ValueTask<bool> RequestKillSwitchAsync(RemoteRequester requester, CancellationToken cancellationToken);

    /// <summary>Asks the engine to reset the kill switch; true when it was on and is now off.</summary>
    ValueTask<bool> RequestResumeAsync(RemoteRequester requester, CancellationToken cancellationToken);
}
