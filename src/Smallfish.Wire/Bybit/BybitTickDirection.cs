namespace Smallfish.Wire.Bybit;

/// <summary>Bybit's trade tick direction (<c>L</c> in <c>publicTrade</c>, <c>tickDirection</c> in <c>tickers</c>).</summary>
public enum BybitTickDirection : byte
{
    /// <summary>Higher than the previous trade.</summary>
    PlusTick,

    /// <summary>Same price, last change was up.</summary>
    ZeroPlusTick,

    /// <summary>Lower than the previous trade.</summary>
    MinusTick,

    /// <summary>Same price, last change was down.</summary>
    ZeroMinusTick,
}

/// <summary>Helpers for <see cref="BybitTickDirection"/>.</summary>
public static class BybitTickDirections
{
    /// <summary>The direction of a trade at <paramref name="priceTicks"/> after one at <paramref name="previousTicks"/> (0 = none).</summary>
    public static BybitTickDirection Next(BybitTickDirection previous, long previousTicks, long priceTicks)
    {
        if (previousTicks <= 0 || priceTicks > previousTicks) return BybitTickDirection.PlusTick;
        if (priceTicks < previousTicks) return BybitTickDirection.MinusTick;
        return previous is BybitTickDirection.PlusTick or BybitTickDirection.ZeroPlusTick ? BybitTickDirection.ZeroPlusTick : BybitTickDirection.ZeroMinusTick;
    }

    /// <summary>The wire text.</summary>
    public static ReadOnlySpan<byte> Utf8(this BybitTickDirection d) => d switch
    {
        BybitTickDirection.PlusTick => "PlusTick"u8,
        BybitTickDirection.ZeroPlusTick => "ZeroPlusTick"u8,
        BybitTickDirection.MinusTick => "MinusTick"u8,
        _ => "ZeroMinusTick"u8,
    };
}
