using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>An open position and its bracket.</summary>
public sealed record PositionStatus
{
    /// <summary>Long (buy) or short (sell).</summary>
    public Side Side { get; init; }

    /// <summary>Open quantity in base units.</summary>
    public decimal Qty { get; init; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>Current protective stop, or null when none is known.</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>Take-profit price, or null when none.</summary>
    public decimal? TakeProfitPrice { get; init; }

    /// <summary>Unrealized P&amp;L at the mid, quote currency.</summary>
    public decimal UnrealizedPnl { get; init; }

    /// <summary>Unrealized P&amp;L in multiples of the initial risk.</summary>
    public double UnrealizedR { get; init; }

    /// <summary>Entry time, ns since the Unix epoch.</summary>
    public long OpenedAtNs { get; init; }
}
