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

    /// <summary>The post-only entry goes this many ticks inside the touch when the spread leaves room (0 = at the touch).</summary>
    [Range(0, 100_000)]
    public int EntryOffsetTicks { get; set; }

    /// <summary>An unfilled post-only entry is repriced once the touch moved this many ticks away from it (0 = only on the timer).</summary>
    [Range(0, 100_000)]
    public int RepriceOnTouchMoveTicks { get; set; } = 1;

    /// <summary>After an exchange refuses an entry, no new entry on that symbol for this long, in milliseconds.</summary>
    [Range(0, 3_600_000)]
    public int RejectBackoffMs { get; set; } = 1000;

    /// <summary>An order with no answer from the exchange for this long is cancelled, which resolves its state, in milliseconds.</summary>
    [Range(100, 600_000)]
    public int AckTimeoutMs { get; set; } = 5000;
}
