namespace Smallfish.Exchanges.Abstractions;

/// <summary>The venues Smallfish trades.</summary>
public enum ExchangeKind : byte
{
    /// <summary>Bybit v5, category linear (USDT perpetuals).</summary>
    Bybit,

    /// <summary>Binance USD-M futures (<c>/fapi</c>).</summary>
    Binance,
}
