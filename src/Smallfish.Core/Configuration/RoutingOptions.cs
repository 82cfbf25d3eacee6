using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Routing</c>: post-only entry, reprice, then IOC fallback. Overridable per symbol.
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>An unfilled post-only entry is repriced to the new touch after this long, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int PostOnlyRepriceAfterMs { get; set; } = 250;

    /// <summary>Most reprices before falling back to IOC (or giving up).</summary>
    [Range(0, 100)]
    public int MaxReprices { get; set; } = 3;

    /// <summary>Whether an entry still unfilled after <see cref="MaxReprices"/> is sent as IOC.</summary>
    public bool IocFallbackEnabled { get; set; } = true;

    /// <summary>Limit of the IOC fallback, in ticks through the touch.</summary>
    [Range(0, 100_000)]
    public int IocMaxSlippageTicks { get; set; } = 2;

    /// <summary>A working entry is cancelled when the fused confidence decays below this; must be below the entry confidence.</summary>
    [Range(0.0, 1.0)]
    public double CancelWhenConfidenceBelow { get; set; } = 0.45;
}
