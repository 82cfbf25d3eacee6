namespace Smallfish.Remote.Telegram.Commands;

/// <summary>Dangerous commands waiting for their <c>confirm</c>, per chat and command, each with a deadline.</summary>
internal sealed class PendingConfirmations
{
    private readonly Dictionary<(long Chat, RemoteCommand Command), DateTimeOffset> _deadlines = new();
    private readonly object _gate = new();

    /// <summary>Opens (or renews) the confirmation window of <paramref name="command"/> in <paramref name="chatId"/>.</summary>
    public void Request(long chatId, RemoteCommand command, DateTimeOffset deadline)
    {
        lock (_gate) _deadlines[(chatId, command)] = deadline;
    }

    /// <summary>True, and closes the window, when a request is pending and <paramref name="now"/> is within it.</summary>
    public bool TryConfirm(long chatId, RemoteCommand command, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_deadlines.Remove((chatId, command), out var deadline)) return false;
            return now <= deadline;
        }
    }
}
