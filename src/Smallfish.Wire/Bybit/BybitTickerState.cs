namespace Smallfish.Wire.Bybit;

/// <summary>
/// The merged state of one symbol's Bybit <c>tickers</c> stream: the first message is a snapshot, later ones carry
/// only the fields that changed, so the parser keeps this per symbol and folds each delta into it. Unknown doubles are
/// NaN, unknown prices and sizes 0.
/// </summary>
public struct BybitTickerState
{
    /// <summary>Last trade price.</summary>
    public double LastPrice;

    /// <summary>Mark price.</summary>
    public double MarkPrice;

    /// <summary>Index price.</summary>
    public double IndexPrice;

    /// <summary>Current funding rate as a fraction.</summary>
    public double FundingRate;

    /// <summary>24 h turnover in quote currency.</summary>
    public double Turnover24h;

    /// <summary>24 h price change as a fraction (Bybit <c>price24hPcnt</c>).</summary>
    public double Price24hPcnt;

    /// <summary>Next funding time, ns since the Unix epoch; 0 when unknown.</summary>
    public long NextFundingTimeNs;

    /// <summary>Best bid (<c>bid1Price</c>) in ticks; 0 when unknown.</summary>
    public long Bid1Ticks;

    /// <summary>Best bid size (<c>bid1Size</c>) in lots.</summary>
    public long Bid1Lots;

    /// <summary>Best ask (<c>ask1Price</c>) in ticks; 0 when unknown.</summary>
    public long Ask1Ticks;

    /// <summary>Best ask size (<c>ask1Size</c>) in lots.</summary>
    public long Ask1Lots;

    /// <summary>Cross sequence (<c>cs</c>) of the last merged message; comparable with the order book's <c>seq</c>.</summary>
    public long CrossSequence;

    /// <summary>Exchange time (<c>ts</c>) of the last merged message, ns.</summary>
    public long ExchTsNs;

    /// <summary>True once a snapshot has been merged.</summary>
    public bool HasSnapshot;

    /// <summary>A state with every field unknown.</summary>
    public static BybitTickerState Empty => new()
    {
        LastPrice = double.NaN,
        MarkPrice = double.NaN,
        IndexPrice = double.NaN,
        FundingRate = double.NaN,
        Turnover24h = double.NaN,
        Price24hPcnt = double.NaN,
    };
}
