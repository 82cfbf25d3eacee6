namespace Smallfish.Remote.Telegram.Commands;

/// <summary>
/// Remembers which unknown chats and users have written, so each is logged once rather than once per message; bounded,
/// so a flood of strangers cannot grow memory without limit.
/// </summary>
internal sealed class StrangerRegistry
{
    public const int Limit = 1000;
    private readonly HashSet<long> _chats = new();
    private readonly HashSet<long> _users = new();
    private readonly object _gate = new();
    private bool _limitReported;

    /// <summary>True the first time a chat is seen; false afterwards (and once the limit is reached).</summary>
    public bool FirstSightOfChat(long chatId, out bool limitJustReached) => FirstSight(_chats, chatId, out limitJustReached);

    /// <summary>True the first time a user is seen; false afterwards (and once the limit is reached).</summary>
    public bool FirstSightOfUser(long userId, out bool limitJustReached) => FirstSight(_users, userId, out limitJustReached);

    private bool FirstSight(HashSet<long> set, long id, out bool limitJustReached)
    {
        lock (_gate)
        {
            limitJustReached = false;
            if (set.Contains(id)) return false;
            if (_chats.Count + _users.Count >= Limit)
            {
                limitJustReached = !_limitReported;
                _limitReported = true;
                return false;
            }
            set.Add(id);
            return true;
        }
    }
}
