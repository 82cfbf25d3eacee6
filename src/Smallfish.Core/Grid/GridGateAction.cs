namespace Smallfish.Core.Grid;

/// <summary>What the grid does while a gate answers (see <see cref="GridGatePolicy"/>).</summary>
public enum GridGateAction : byte
{
    /// <summary>Every gate passes: levels are planned, re-centered and placed.</summary>
    Run,

    /// <summary>No new levels and no re-centering; working levels and take-profits stay, take-profits of new fills are placed.</summary>
    Hold,

    /// <summary>Working levels are cancelled (no new inventory); take-profits stay and new ones are placed.</summary>
    CancelLevels,

    /// <summary>Everything is cancelled (and the inventory flattened when the kill switch is set to flatten).</summary>
    CancelAll,
}
