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
