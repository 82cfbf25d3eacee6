namespace Smallfish.Core.Grid;

/// <summary>What a grid order is for.</summary>
public enum GridOrderKind : byte
{
    /// <summary>A post-only level order that adds inventory (client id role <c>GridLevel</c>).</summary>
    Level,

    /// <summary>A post-only reduce-only order closing a filled level one level away (role <c>GridTakeProfit</c>).</summary>
    TakeProfit,

    /// <summary>A reduce-only market order closing the inventory (grid stop, kill switch; role <c>GridTakeProfit</c>).</summary>
    Flatten,
}
