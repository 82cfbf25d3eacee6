namespace Smallfish.Core.Domain;

/// <summary>Order types Smallfish sends.</summary>
public enum OrderType : byte
{
    /// <summary>Limit order at a price.</summary>
    Limit,

    /// <summary>Market order (walks the book).</summary>
    Market,

    /// <summary>Conditional market order triggered at a stop price (protective stop-loss).</summary>
    StopMarket,

    /// <summary>Conditional market order triggered at a take-profit price.</summary>
    TakeProfitMarket,
}

/// <summary>Helpers for <see cref="OrderType"/>.</summary>
public static class OrderTypeExtensions
{
    /// <summary>True for conditional orders: their price is a trigger, and venues keep them apart from resting limit orders.</summary>
    public static bool IsConditional(this OrderType type) => type is OrderType.StopMarket or OrderType.TakeProfitMarket;
}
