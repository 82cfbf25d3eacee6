using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Dashboard</c>: the 2x2 terminal dashboard (<c>--dashboard</c> turns it on).</summary>
public sealed class DashboardOptions
{
    /// <summary>Whether the dashboard is drawn.</summary>
    public bool Enabled { get; set; }

    /// <summary>Redraw interval, in milliseconds.</summary>
    [Range(50, 600_000)]
    public int RefreshMs { get; set; } = 1000;
}
