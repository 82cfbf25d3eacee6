namespace Smallfish.Remote.Telegram.Sending;

/// <summary>
/// Paces outgoing messages the way Telegram asks: at most one message per <c>perChatInterval</c> to one chat and at
/// most <c>globalPerSecond</c> messages in any one-second window overall. Pure bookkeeping over the times it is given
/// (elapsed time on a monotonic clock); the caller does the waiting.
/// </summary>
public sealed class TelegramRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _perChatInterval;
    private readonly TimeSpan[] _recent;
    private readonly Dictionary<long, TimeSpan> _lastByChat = new();
    private int _recentCount;
    private int _recentHead;

    /// <summary>Creates a limiter; <paramref name="globalPerSecond"/> must be positive.</summary>
    public TelegramRateLimiter(TimeSpan perChatInterval, int globalPerSecond)
    {
        if (perChatInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(perChatInterval));
        if (globalPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(globalPerSecond));
        _perChatInterval = perChatInterval;
        _recent = new TimeSpan[globalPerSecond];
    }

    /// <summary>How long to wait at <paramref name="now"/> before a message to <paramref name="chatId"/> may go.</summary>
    public TimeSpan GetWait(long chatId, TimeSpan now)
    {
        var earliest = now;
        if (_lastByChat.TryGetValue(chatId, out var last) && last + _perChatInterval > earliest) earliest = last + _perChatInterval;
        if (_recentCount == _recent.Length)
        {
            var oldest = _recent[_recentHead];
            if (oldest + Window > earliest) earliest = oldest + Window;
        }
        return earliest - now;
    }

    /// <summary>Notes that a message to <paramref name="chatId"/> went out at <paramref name="now"/>.</summary>
    public void RecordSend(long chatId, TimeSpan now)
    {
        _lastByChat[chatId] = now;
        if (_recentCount < _recent.Length)
        {
            _recent[(_recentHead + _recentCount) % _recent.Length] = now;
            _recentCount++;
        }
        else
        {
            _recent[_recentHead] = now;
            _recentHead = (_recentHead + 1) % _recent.Length;
        }
        if (_lastByChat.Count > 1024) Prune(now);
    }

    private void Prune(TimeSpan now)
    {
        List<long>? stale = null;
        foreach (var (chat, at) in _lastByChat)
        {
            if (at + _perChatInterval <= now) (stale ??= new List<long>()).Add(chat);
        }
        if (stale is null) return;
        foreach (var chat in stale) _lastByChat.Remove(chat);
    }
}
