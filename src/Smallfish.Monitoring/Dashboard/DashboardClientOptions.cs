using Smallfish.Core.Configuration;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>How <see cref="DashboardClient"/> polls and draws.</summary>
public sealed record DashboardClientOptions
{
    /// <summary>Time between polls (and redraws).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one <c>/status</c> answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The symbol the price and signal panels show (null = the one with a position, else the first).</summary>
    public string? FocusSymbol { get; init; }

    /// <summary>The options the service's <c>Smallfish:Dashboard</c> section describes.</summary>
    public static DashboardClientOptions From(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DashboardClientOptions { RefreshInterval = TimeSpan.FromMilliseconds(options.RefreshMs) };
    }
}
