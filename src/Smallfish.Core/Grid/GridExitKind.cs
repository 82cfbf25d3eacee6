namespace Smallfish.Core.Grid;

/// <summary>How a grid round trip was closed.</summary>
public enum GridExitKind : byte
{
    /// <summary>By its take-profit one level away: the harvested level profit.</summary>
    TakeProfit,

    /// <summary>By an opposite level order that filled while the inventory was still open (the two netted).</summary>
    Offset,

    /// <summary>By a flatten at market (grid stop or kill switch).</summary>
    Flatten,
}
