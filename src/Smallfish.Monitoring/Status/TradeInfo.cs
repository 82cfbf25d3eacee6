using Smallfish.Core.Domain;

namespace Smallfish.Monitoring.Status;

/// <summary>A closed round trip.</summary>
public sealed record TradeInfo
{
    /// <summary>Exchange symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Long (buy) or short (sell).</summary>
    public Side Side { get; init; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>Average exit price.</summary>
    public decimal ExitPrice { get; init; }

    /// <summary>Largest quantity held.</summary>
    public decimal Qty { get; init; }

    /// <summary>Net P&amp;L after fees and funding, quote currency.</summary>
    public decimal NetPnl { get; init; }

    /// <summary>Net P&amp;L in multiples of the initial risk.</summary>
    public double RMultiple { get; init; }

    /// <summary>Entry time, ns since the Unix epoch.</summary>
    public long OpenedAtNs { get; init; }

    /// <summary>Exit time, ns since the Unix epoch.</summary>
    public long ClosedAtNs { get; init; }

    /// <summary>Why it was closed.</summary>
    public ExitReason ExitReason { get; init; }
}
