namespace Smallfish.Service.Systemd;

/// <summary>Tells the service manager about the service's state (sd_notify). Every call is a no-op when not run by systemd.</summary>
public interface ISystemdNotifier
{
    /// <summary>True when <c>$NOTIFY_SOCKET</c> names a socket to notify.</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// How often to send <c>WATCHDOG=1</c>: half of <c>$WATCHDOG_USEC</c> when the watchdog is on for this process,
    /// otherwise null.
    /// </summary>
    TimeSpan? WatchdogInterval { get; }

    /// <summary>
    /// Sends one notification, e.g. <c>READY=1</c> or several <c>KEY=value</c> lines joined by <c>\n</c>. Returns false
    /// when disabled or when the datagram could not be sent (never throws).
    /// </summary>
    bool Notify(string state);
}
