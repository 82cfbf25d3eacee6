namespace Smallfish.Wire.Writing;

/// <summary>What kind of conditional order an order object describes (Bybit <c>stopOrderType</c>).</summary>
public enum WireStopKind : byte
{
    /// <summary>An ordinary order (limit or market), or a plain conditional order (<c>Stop</c>).</summary>
    None,

    /// <summary>The stop-loss leg of a position's TP/SL (<c>StopLoss</c>).</summary>
    StopLoss,

    /// <summary>The take-profit leg of a position's TP/SL (<c>TakeProfit</c>).</summary>
    TakeProfit,
}
