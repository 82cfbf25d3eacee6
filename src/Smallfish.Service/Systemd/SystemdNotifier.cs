using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Smallfish.Service.Systemd;

/// <summary>
/// sd_notify written by hand (the systemd hosting packages are not available here): each notification is one
/// datagram on the unix socket named by <c>$NOTIFY_SOCKET</c>; a name starting with <c>@</c> is a Linux abstract
/// socket (the <c>@</c> stands for a leading NUL byte). <c>$WATCHDOG_USEC</c> gives the watchdog timeout, honoured
/// only when <c>$WATCHDOG_PID</c> is unset or names this process. Without <c>$NOTIFY_SOCKET</c> every call is a no-op.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    /// <summary>The notification sent once start-up (and reconciliation) has finished.</summary>
    public const string Ready = "READY=1";

    /// <summary>The watchdog keep-alive.</summary>
    public const string Watchdog = "WATCHDOG=1";

    /// <summary>The notification sent when the service begins to stop.</summary>
    public const string Stopping = "STOPPING=1";

    private readonly object _gate = new();
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private Socket? _socket;
    private bool _disposed;

    /// <summary>Creates a notifier for <paramref name="notifySocket"/> (null or empty = disabled).</summary>
    public SystemdNotifier(string? notifySocket, TimeSpan? watchdogTimeout = null)
    {
        if (!string.IsNullOrEmpty(notifySocket))
        {
            string path = notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket;
            _endpoint = new UnixDomainSocketEndPoint(path);
        }

        if (_endpoint is not null && watchdogTimeout is { } timeout && timeout > TimeSpan.Zero) WatchdogInterval = timeout / 2;
    }

    /// <inheritdoc />
    public bool IsEnabled => _endpoint is not null;

    /// <inheritdoc />
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>Builds the notifier systemd's environment describes for process <paramref name="processId"/>.</summary>
    public static SystemdNotifier FromEnvironment(IReadOnlyDictionary<string, string?> environment, int processId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.TryGetValue("NOTIFY_SOCKET", out string? socket);
        return new SystemdNotifier(socket, ReadWatchdogTimeout(environment, processId));
    }

    /// <summary>
    /// The watchdog timeout from <c>$WATCHDOG_USEC</c>, or null when it is absent, malformed, zero, or meant for
    /// another process (<c>$WATCHDOG_PID</c>).
    /// </summary>
    public static TimeSpan? ReadWatchdogTimeout(IReadOnlyDictionary<string, string?> environment, int processId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.TryGetValue("WATCHDOG_USEC", out string? usecText)
            || !ulong.TryParse(usecText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }

        if (environment.TryGetValue("WATCHDOG_PID", out string? pidText) && !string.IsNullOrEmpty(pidText)
            && (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(Math.Min(usec, (ulong)TimeSpan.MaxValue.TotalMicroseconds / 2));
    }

    /// <inheritdoc />
    public bool Notify(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_endpoint is null) return false;
        byte[] payload = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            if (_disposed) return false;
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(payload, SocketFlags.None, _endpoint);
                return true;
            }
            catch (SocketException)
            {
                // The manager went away or the socket is full: a missed notification is not worth stopping for.
                _socket?.Dispose();
                _socket = null;
                return false;
            }
        }
    }

    /// <summary>Formats a <c>STATUS=</c> line (one line: breaks are replaced by spaces).</summary>
    public static string Status(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "STATUS=" + text.Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket?.Dispose();
            _socket = null;
        }
    }
}
