namespace Smallfish.Service.Engine;

/// <summary>What the engine loop's graceful stop did.</summary>
/// <param name="EntryCancelsSent">Cancels of resting entry orders the engine sent.</param>
/// <param name="EntryOrdersLeft">Entry orders still working when the loop ended (0 = every cancel confirmed).</param>
/// <param name="ProtectiveOrdersKept">Stop-loss and take-profit orders left working on purpose.</param>
/// <param name="DrainTimedOut">True when the drain ended at its deadline rather than on the last confirmation.</param>
public sealed record ShutdownReport(int EntryCancelsSent, int EntryOrdersLeft, int ProtectiveOrdersKept, bool DrainTimedOut);
