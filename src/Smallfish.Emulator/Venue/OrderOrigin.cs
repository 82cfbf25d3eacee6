namespace Smallfish.Emulator.Venue;

/// <summary>How an order came to exist at the emulated venue.</summary>
internal enum OrderOrigin : byte
{
    /// <summary>Placed by the client (Bybit <c>/v5/order/create</c>, Binance <c>/fapi/v1/order</c>).</summary>
    Client,

    /// <summary>A Bybit position TP/SL leg set by <c>/v5/position/trading-stop</c> (no <c>orderLinkId</c>).</summary>
    BybitPositionStop,

    /// <summary>A Binance algo (conditional) order from <c>/fapi/v1/algoOrder</c>.</summary>
    BinanceAlgo,
}
