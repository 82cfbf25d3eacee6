namespace Smallfish.Core.Configuration;

/// <summary>The exchange a run trades on. Written in lower case in configuration (<c>bybit</c>, <c>binance</c>).</summary>
public enum ExchangeName
{
    /// <summary>Bybit v5, linear USDT perpetuals.</summary>
    Bybit,

    /// <summary>Binance USD-M futures.</summary>
    Binance,
}
