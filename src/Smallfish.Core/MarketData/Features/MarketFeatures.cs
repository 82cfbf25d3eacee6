namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// The microstructure features of one symbol at one instant, as the 13 signals read them. Plain value fields (no
/// references), rewritten in place by the <see cref="SymbolFeatureEngine"/> on every book event, trade event and
/// <c>Advance</c>. Prices are in ticks, sizes in lots, times in ns since the Unix epoch, durations in ms, and every
/// ratio's range is stated. Book fields keep their last values while the book is invalid
/// (<see cref="IsBookValid"/> false). Windows and constants come from
/// <see cref="Configuration.MicrostructureOptions"/>.
/// </summary>
public struct MarketFeatures
{
    // ---- time and health ----------------------------------------------------------------------------------------

    /// <summary>Decision time of the last update, ns.</summary>
    public long NowNs;

    /// <summary>Decision time at which the last book event was applied, ns (0 = none yet).</summary>
    public long LastBookNs;

    /// <summary>Decision time at which the last trade was applied, ns (0 = none yet).</summary>
    public long LastTradeNs;

    /// <summary>Time since the last book event, ms, &gt;= 0; +infinity before the first.</summary>
    public double BookAgeMs;

    /// <summary>Time since the last trade, ms, &gt;= 0; +infinity before the first.</summary>
    public double TradeAgeMs;

    /// <summary>
    /// Feed latency of the last event (book or trade): local receive time minus exchange time, ms. Negative when the
    /// local clock runs behind the exchange's.
    /// </summary>
    public double FeedLatencyMs;

    /// <summary>True when the book is synced, two-sided and not crossed (safe to trade on).</summary>
    public bool IsBookValid;

    /// <summary>True once the longest feature window (long volatility / long flow) has been observed.</summary>
    public bool IsWarm;

    // ---- book: price ----------------------------------------------------------------------------------------------

    /// <summary>Best bid, ticks.</summary>
    public long BestBidTicks;

    /// <summary>Best ask, ticks.</summary>
    public long BestAskTicks;

    /// <summary>Spread, ticks (&gt;= 1 on a valid book).</summary>
    public long SpreadTicks;

    /// <summary>Mid price, ticks (may be a half tick).</summary>
    public double MidTicks;

    /// <summary>Size-weighted micro-price, ticks, within [best bid, best ask].</summary>
    public double MicroPriceTicks;

    /// <summary>Micro-price minus mid, ticks, in [-spread/2, +spread/2]; positive = the bid is heavier (upward pressure).</summary>
    public double MicroPressureTicks;

    /// <summary>Micro-price minus mid over half the spread, in [-1, 1]: the top-of-book size imbalance.</summary>
    public double MicroPressure;

    /// <summary>Mid change over the mid-change window, ticks (signed).</summary>
    public double MidChangeTicks;

    // ---- book: imbalance and liquidity ------------------------------------------------------------------------

    /// <summary>Order-book imbalance over the best N levels, (bid - ask) / (bid + ask) volume, in [-1, 1]; positive = more bids.</summary>
    public double Obi;

    /// <summary>Rate of change of <see cref="Obi"/> over the OBI look-back, per second, in [-2/T, 2/T] for a look-back of T seconds.</summary>
    public double ObiRocPerSecond;

    /// <summary>Bid depth over the best LiqDepthLevels levels, lots.</summary>
    public double DepthBidLots;

    /// <summary>Ask depth over the best LiqDepthLevels levels, lots.</summary>
    public double DepthAskLots;

    /// <summary>
    /// Liquidity thinness: rolling average of near-touch depth (both sides) over the current depth, in
    /// [0, LiqThinnessCap]; 1 = usual, above 1 = thinner than usual.
    /// </summary>
    public double LiqThinness;

    /// <summary>Near-touch depth asymmetry, (bid - ask) / (bid + ask), in [-1, 1]; positive = more bid depth.</summary>
    public double LiqAsymmetry;

    // ---- momentum and volatility -----------------------------------------------------------------------------------

    /// <summary>Time-aware EMA of the mid with the fast time constant (EmaFastMs), ticks.</summary>
    public double EmaFastTicks;

    /// <summary>Time-aware EMA of the mid with the slow time constant (EmaSlowMs), ticks.</summary>
    public double EmaSlowTicks;

    /// <summary>Fast EMA minus slow EMA, ticks (signed; positive = rising).</summary>
    public double MomentumTicks;

    /// <summary>Short-window realized volatility of mid log returns on the sampling grid, bps per square-root second, &gt;= 0.</summary>
    public double RvShortBps;

    /// <summary>Long-window realized volatility, bps per square-root second, &gt;= 0.</summary>
    public double RvLongBps;

    /// <summary>Micro-volatility ratio RvShort / RvLong, in [0, MvrCap]; 1 = steady, &gt; 1 = expanding (breakout), &lt; 1 = contracting (chop). 1 with no data.</summary>
    public double Mvr;

    /// <summary>
    /// Slow baseline (EMA over VolBaselineMs) of <see cref="RvLongBps"/>, seeded once the long window has filled (equal
    /// to RvLongBps until then), bps per square-root second, &gt;= 0.
    /// </summary>
    public double RvBaselineBps;

    /// <summary>Volatility regime input: RvLong / baseline, in [0, VolRatioCap]; 1 = usual (and until the baseline is seeded).</summary>
    public double VolRegimeRatio;

    // ---- trade flow ----------------------------------------------------------------------------------------------

    /// <summary>Running cumulative volume delta since start (buy - sell), lots.</summary>
    public long CvdTotalLots;

    /// <summary>CVD over the short flow window, lots.</summary>
    public long CvdShortLots;

    /// <summary>Taker-buy volume over the short flow window, lots.</summary>
    public long BuyShortLots;

    /// <summary>Taker-sell volume over the short flow window, lots.</summary>
    public long SellShortLots;

    /// <summary>CVD over volume in the short flow window, in [-1, 1]; 0 without volume.</summary>
    public double CvdNorm;

    /// <summary>
    /// CVD acceleration: (CVD of the last short window - CVD of the window before it) / (their volumes), in [-1, 1];
    /// positive = buying is strengthening.
    /// </summary>
    public double CvdAccel;

    /// <summary>
    /// Price/flow divergence over the divergence window, in [-1, 1]: non-zero only when the mid moved against the net
    /// flow. Positive = net buying while the mid fell (bullish divergence), negative = net selling while the mid rose.
    /// Magnitude = min(|flow|, |price move in volatility units squashed by tanh|).
    /// </summary>
    public double CvdDivergence;

    /// <summary>Trades per second over the short flow window, &gt;= 0.</summary>
    public double Tps;

    /// <summary>Trades per second over the long flow window (over the elapsed time while warming up), &gt;= 0.</summary>
    public double TpsLong;

    /// <summary>Tps / TpsLong, in [0, long/short window ratio]; 1 = usual pace, 0 without trades.</summary>
    public double TpsRatio;

    /// <summary>Buy share of the short-window volume, buy / (buy + sell), in [0, 1]; 0.5 without volume.</summary>
    public double BuySellRatio;

    // ---- VWAP ------------------------------------------------------------------------------------------------------

    /// <summary>Session VWAP, ticks; equal to the mid until the session has volume.</summary>
    public double VwapSessionTicks;

    /// <summary>Rolling VWAP over the VWAP window, ticks; equal to the mid while the window has no volume.</summary>
    public double VwapRollingTicks;

    /// <summary>(mid - session VWAP) / session VWAP, bps (signed).</summary>
    public double VwapDevBps;

    /// <summary>(mid - rolling VWAP) / rolling VWAP, bps (signed).</summary>
    public double VwapRollingDevBps;

    /// <summary>
    /// Session VWAP deviation in volatility units: VwapDevBps / (RvLongBps x sqrt(long window seconds)), clamped to
    /// [-VolRatioCap, VolRatioCap]; 0 without volatility.
    /// </summary>
    public double VwapDevSigma;

    // ---- whales (LTB) and sweeps ---------------------------------------------------------------------------------

    /// <summary>Current large-order threshold, lots (long.MaxValue until enough orders were seen).</summary>
    public long LargeTradeThresholdLots;

    /// <summary>Large taker buy orders in the whale window.</summary>
    public long LargeBuyCount;

    /// <summary>Large taker sell orders in the whale window.</summary>
    public long LargeSellCount;

    /// <summary>Volume of large taker buy orders in the whale window, lots.</summary>
    public long LargeBuyLots;

    /// <summary>Volume of large taker sell orders in the whale window, lots.</summary>
    public long LargeSellLots;

    /// <summary>(large buy - large sell) / (large buy + large sell) volume, in [-1, 1]; 0 without large orders.</summary>
    public double WhaleImbalance;

    /// <summary>Side of the last sweep still remembered: +1 buy, -1 sell, 0 none.</summary>
    public long SweepSide;

    /// <summary>Distinct price levels the last remembered sweep traded through (0 = none).</summary>
    public long SweepLevels;

    /// <summary>Price distance the last remembered sweep covered, ticks (&gt;= 0).</summary>
    public long SweepTicks;

    /// <summary>Volume of the last remembered sweep, lots.</summary>
    public long SweepLots;

    /// <summary>Time since the last remembered sweep's latest trade, ms (0 when none).</summary>
    public double SweepAgeMs;

    // ---- absorption, icebergs, spoofing -----------------------------------------------------------------------------

    /// <summary>Bid absorption: taker sells absorbed without the bid giving way, in [0, 1].</summary>
    public double AbsorptionBid;

    /// <summary>Ask absorption: taker buys absorbed without the ask giving way, in [0, 1].</summary>
    public double AbsorptionAsk;

    /// <summary>AbsorptionBid - AbsorptionAsk, in [-1, 1]; positive = bids defending (bullish).</summary>
    public double Absorption;

    /// <summary>Iceberg evidence on the bid: share of volume traded at the hit bid level beyond its largest visible size while it refilled, in [0, 1).</summary>
    public double IceAbsorbBid;

    /// <summary>Iceberg evidence on the ask, as <see cref="IceAbsorbBid"/>, in [0, 1).</summary>
    public double IceAbsorbAsk;

    /// <summary>Refills of the bid level being hit, in the current episode.</summary>
    public long IceRefillsBid;

    /// <summary>Refills of the ask level being hit, in the current episode.</summary>
    public long IceRefillsAsk;

    /// <summary>
    /// Large bid size added near the touch and pulled without trading, confirmed within the last SpoofWindowMs (faded
    /// sum), lots.
    /// </summary>
    public double SpoofPulledBidLots;

    /// <summary>Large ask size added near the touch and pulled without trading (faded sum), lots.</summary>
    public double SpoofPulledAskLots;

    /// <summary>
    /// Pull-and-replace score of the bid side, in [0, 1]: SpoofPulledBidLots over (itself + the amount a side usually
    /// pulls in the same time, from a SpoofBaselineMs average of both sides). 0 = nothing pulled, 0.5 = usual,
    /// toward 1 = far more than usual: fake bids (fade the apparent buying pressure).
    /// </summary>
    public double SpoofBid;

    /// <summary>Pull-and-replace score of the ask side, as <see cref="SpoofBid"/>, in [0, 1]; high = fake offers.</summary>
    public double SpoofAsk;
}
