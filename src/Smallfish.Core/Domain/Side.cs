namespace Smallfish.Core.Domain;

/// <summary>Order or trade direction. For trades it is the aggressor (taker) side.</summary>
public enum Side : sbyte
{
    /// <summary>Buy / long / bid.</summary>
    Buy = 1,

    /// <summary>Sell / short / ask.</summary>
    Sell = -1,
}

/// <summary>Helpers for <see cref="Side"/>.</summary>
public static class SideExtensions
{
    /// <summary>+1 for buy, -1 for sell.</summary>
    public static int Sign(this Side side) => (int)side;

    /// <summary>The other side.</summary>
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary>The side whose sign matches <paramref name="value"/>; positive is buy.</summary>
    public static Side FromSign(double value) => value >= 0 ? Side.Buy : Side.Sell;
}
