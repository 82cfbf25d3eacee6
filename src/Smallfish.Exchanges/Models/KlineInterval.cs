namespace Smallfish.Exchanges.Models;

/// <summary>Candle intervals both venues offer.</summary>
public enum KlineInterval : byte
{
    /// <summary>1 minute.</summary>
    OneMinute,

    /// <summary>5 minutes.</summary>
    FiveMinutes,

    /// <summary>15 minutes.</summary>
    FifteenMinutes,

    /// <summary>1 hour.</summary>
    OneHour,

    /// <summary>4 hours.</summary>
    FourHours,

    /// <summary>1 day.</summary>
    OneDay,
}
