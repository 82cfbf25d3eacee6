using Smallfish.Core.Configuration;

namespace Smallfish.Monitoring.Server;

/// <summary>Where <see cref="StatusServer"/> listens.</summary>
public sealed record StatusServerOptions
{
    /// <summary>Configuration key of the bind address, named in errors.</summary>
    public const string BindAddressKey = "Smallfish:Status:BindAddress";

    /// <summary>Configuration key of the port, named in errors.</summary>
    public const string PortKey = "Smallfish:Status:Port";

    /// <summary>IP address or <c>localhost</c> to listen on; null or empty listens on no TCP address (unix socket only).</summary>
    public string? BindAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="StatusServer.Addresses"/>).</summary>
    public int Port { get; init; } = 8787;

    /// <summary>Must be true to listen on an address that is not loopback.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>Optional unix domain socket path to listen on as well (or instead, with no bind address).</summary>
    public string? UnixSocketPath { get; init; }

    /// <summary>The options the service's configuration section describes (no unix socket).</summary>
    public static StatusServerOptions From(StatusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StatusServerOptions
        {
            BindAddress = options.BindAddress,
            Port = options.Port,
            AllowNonLoopback = options.AllowNonLoopback,
        };
    }
}
