using Smallfish.Core.Configuration;

namespace Smallfish.Monitoring.Status;

/// <summary>Identity and run mode of the service.</summary>
public sealed record ServiceInfo
{
    /// <summary>The service's version (assembly informational version).</summary>
    public string Version { get; init; } = "";

    /// <summary>Paper, testnet, live or offline.</summary>
    public ServiceMode Mode { get; init; }

    /// <summary>The exchange traded, or null when not reported.</summary>
    public ExchangeName? Exchange { get; init; }

    /// <summary>The risk profile in use, or null when not reported.</summary>
    public TradingMode? Profile { get; init; }

    /// <summary>Start time, ns since the Unix epoch (0 = not reported).</summary>
    public long StartedAtNs { get; init; }

    /// <summary>Time since start, milliseconds.</summary>
    public long UptimeMs { get; init; }
}
