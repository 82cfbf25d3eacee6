namespace Smallfish.Core.Grid;

/// <summary>State of one working grid order.</summary>
public enum GridLevelStatus : byte
{
    /// <summary>Sent, not yet acknowledged.</summary>
    Pending,

    /// <summary>Resting, nothing filled.</summary>
    Working,

    /// <summary>Resting, partly filled.</summary>
    PartiallyFilled,

    /// <summary>Cancel sent, not yet confirmed.</summary>
    Cancelling,
}
