using Smallfish.Core.Engine;
using Smallfish.Core.State;

namespace Smallfish.Service.Engine;

/// <summary>
/// A command for the engine from outside the loop (Telegram /kill and /resume, the heartbeat's entry holds). The loop
/// executes it in order with the other inputs and completes <see cref="Completion"/> with the engine's answer
/// (true when something changed).
/// </summary>
public sealed class EngineCommand
{
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EngineCommand(EngineCommandKind kind, KillSwitchReason reason, EntryHold hold, string? detail)
    {
        Kind = kind;
        Reason = reason;
        Hold = hold;
        Detail = detail;
    }

    /// <summary>What to do.</summary>
    public EngineCommandKind Kind { get; }

    /// <summary>The kill switch reason of a <see cref="EngineCommandKind.Kill"/>.</summary>
    public KillSwitchReason Reason { get; }

    /// <summary>The hold of <see cref="EngineCommandKind.StopEntries"/> / <see cref="EngineCommandKind.AllowEntries"/>.</summary>
    public EntryHold Hold { get; }

    /// <summary>Free text for the journal and logs (never a secret).</summary>
    public string? Detail { get; }

    /// <summary>Completes when the loop has executed the command: true when the engine's state changed.</summary>
    public Task<bool> Completion => _done.Task;

    /// <summary>Trip the kill switch.</summary>
    public static EngineCommand Kill(KillSwitchReason reason, string? detail) => new(EngineCommandKind.Kill, reason, EntryHold.None, detail);

    /// <summary>Reset the kill switch.</summary>
    public static EngineCommand Resume(string? detail) => new(EngineCommandKind.Resume, KillSwitchReason.None, EntryHold.None, detail);

    /// <summary>Add an entry hold.</summary>
    public static EngineCommand StopEntries(EntryHold hold) => new(EngineCommandKind.StopEntries, KillSwitchReason.None, hold, null);

    /// <summary>Lift an entry hold.</summary>
    public static EngineCommand AllowEntries(EntryHold hold) => new(EngineCommandKind.AllowEntries, KillSwitchReason.None, hold, null);

    /// <summary>A barrier: does nothing to the engine; completes when the loop reaches it.</summary>
    public static EngineCommand Barrier() => new(EngineCommandKind.Barrier, KillSwitchReason.None, EntryHold.None, null);

    internal void Complete(bool changed) => _done.TrySetResult(changed);

    internal void Fail(Exception error) => _done.TrySetException(error);

    internal void Abandon() => _done.TrySetCanceled();
}
