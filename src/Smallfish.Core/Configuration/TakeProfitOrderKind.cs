namespace Smallfish.Core.Configuration;

/// <summary>How the take-profit (and the partial take-profit) is sent to the exchange.</summary>
public enum TakeProfitOrderKind
{
    /// <summary>
    /// A reduce-only GTC limit order resting at the take-profit price: maker fee, no slippage, and it waits in the
    /// queue (a touch that does not trade through may leave it unfilled). The default.
    /// </summary>
    Limit,

    /// <summary>A reduce-only TakeProfitMarket conditional: sure to execute once the price trades there, at taker fee and with slippage.</summary>
    Market,
}
