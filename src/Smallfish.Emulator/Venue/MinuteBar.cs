namespace Smallfish.Emulator.Venue;

/// <summary>One aggregated candle (prices in ticks, volume in lots, turnover in quote currency).</summary>
internal struct MinuteBar
{
    public long OpenTimeMs;
    public long Open;
    public long High;
    public long Low;
    public long Close;
    public long VolumeLots;
    public decimal Turnover;
    public long Trades;
    public long TakerBuyLots;
    public decimal TakerBuyTurnover;

    public void Add(long priceTicks, long lots, decimal notional, bool takerBuy)
    {
        if (Trades == 0)
        {
            Open = High = Low = priceTicks;
        }
        else
        {
            if (priceTicks > High) High = priceTicks;
            if (priceTicks < Low) Low = priceTicks;
        }
        Close = priceTicks;
        VolumeLots += lots;
        Turnover += notional;
        Trades++;
        if (takerBuy)
        {
            TakerBuyLots += lots;
            TakerBuyTurnover += notional;
        }
    }

    public void Merge(in MinuteBar other)
    {
        if (other.Trades == 0) return;
        if (Trades == 0)
        {
            Open = other.Open;
            High = other.High;
            Low = other.Low;
        }
        else
        {
            High = Math.Max(High, other.High);
            Low = Math.Min(Low, other.Low);
        }
        Close = other.Close;
        VolumeLots += other.VolumeLots;
        Turnover += other.Turnover;
        Trades += other.Trades;
        TakerBuyLots += other.TakerBuyLots;
        TakerBuyTurnover += other.TakerBuyTurnover;
    }
}
