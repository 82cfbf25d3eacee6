using Smallfish.Core.Recovery;

namespace Smallfish.Core.Engine;

/// <summary>What the restart reconciliation gathered for one engine symbol.</summary>
internal sealed class RecoveryWork(SymbolContext ctx)
{
    public SymbolContext Ctx { get; } = ctx;

    /// <summary>The exchange's position (null = flat).</summary>
    public ExchangeNetPosition? Position { get; set; }

    /// <summary>The exchange's open orders with a Smallfish client id.</summary>
    public List<ExchangeOpenOrder> Orders { get; } = new();

    /// <summary>The exchange's open orders with any other client id.</summary>
    public List<ExchangeOpenOrder> Foreign { get; } = new();

    /// <summary>The position the journal last knew.</summary>
    public KnownPosition? Known { get; set; }

    /// <summary>The journal's position with the missed executions applied.</summary>
    public PositionReplay? Replay { get; set; }

    /// <summary>The stop level decided for the position.</summary>
    public long StopTicks { get; set; }

    /// <summary>Where that level came from.</summary>
    public StopSource StopSource { get; set; }
}
