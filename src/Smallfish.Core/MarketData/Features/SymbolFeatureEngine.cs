using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;

namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Keeps the <see cref="MarketFeatures"/> of one symbol current: fed every book event (after the synchronizer applied
/// it) and every trade, in arrival order, with the decision time <c>nowNs</c>; <see cref="Advance"/> moves time when no
/// event arrives, so windows expire and fading scores fade on time. Time never runs backwards here: an earlier
/// <c>nowNs</c> is treated as the latest one seen. Allocates nothing per event after construction.
/// </summary>
public sealed class SymbolFeatureEngine
{
    private readonly MicrostructureOptions _o;
    private readonly GridSeries _midGrid;
    private readonly GridSeries _obiGrid;
    private readonly RealizedVolatility _rv;
    private readonly SpoofTracker _spoofBid;
    private readonly SpoofTracker _spoofAsk;
    private readonly IcebergTracker _iceBid;
    private readonly IcebergTracker _iceAsk;
    private readonly AbsorptionTracker _absBid;
    private readonly AbsorptionTracker _absAsk;
    private readonly FlowFeatureWriter _flow;
    private readonly long _midChangeNs;
    private readonly long _obiRocNs;
    private readonly long _warmNs;
    private TimeEma _emaFast;
    private TimeEma _emaSlow;
    private TimeEma _liqAverage;
    private TimeEma _rvBaseline;
    private OrderBook? _book;
    private long _changeCursor;
    private long _firstNs = long.MinValue;
    private long _nowNs = long.MinValue;
    private MarketFeatures _f;

    /// <summary>Creates the engine for symbol <paramref name="symbolId"/>.</summary>
    public SymbolFeatureEngine(MicrostructureOptions options, int symbolId = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options;
        SymbolId = symbolId;
        const long Ms = 1_000_000;
        long grid = options.SampleIntervalMs * Ms;
        long midHistoryMs = Math.Max(options.RvLongWindowMs, Math.Max(options.MidChangeWindowMs, options.DivergenceWindowMs));
        _midGrid = new GridSeries(grid, (int)(midHistoryMs / options.SampleIntervalMs) + 2);
        _obiGrid = new GridSeries(grid, (int)(options.ObiRocWindowMs / options.SampleIntervalMs) + 2);
        _rv = new RealizedVolatility(grid, options.RvShortWindowMs * Ms, options.RvLongWindowMs * Ms);
        _emaFast = new TimeEma(options.EmaFastMs * Ms);
        _emaSlow = new TimeEma(options.EmaSlowMs * Ms);
        _liqAverage = new TimeEma(options.LiqAverageMs * Ms);
        _rvBaseline = new TimeEma(options.VolBaselineMs * Ms);
        _spoofBid = NewSpoof(options, Side.Buy);
        _spoofAsk = NewSpoof(options, Side.Sell);
        _iceBid = new IcebergTracker(options.IceWindowMs * Ms, options.IceMinRefills);
        _iceAsk = new IcebergTracker(options.IceWindowMs * Ms, options.IceMinRefills);
        _absBid = new AbsorptionTracker(bid: true, options.AbsorptionWindowMs * Ms, options.AbsorptionBreakGraceMs * Ms);
        _absAsk = new AbsorptionTracker(bid: false, options.AbsorptionWindowMs * Ms, options.AbsorptionBreakGraceMs * Ms);
        Tape = new TradeTape(options, FlowFeatureWriter.TapeWindowsMs(options));
        _flow = new FlowFeatureWriter(options, Tape);
        _midChangeNs = options.MidChangeWindowMs * Ms;
        _obiRocNs = options.ObiRocWindowMs * Ms;
        _warmNs = Math.Max(Math.Max(options.RvLongWindowMs, options.FlowLongWindowMs), Math.Max(options.DivergenceWindowMs, options.VwapWindowMs)) * Ms;
        _f.BookAgeMs = _f.TradeAgeMs = double.PositiveInfinity;
        _f.Mvr = _f.VolRegimeRatio = _f.LiqThinness = 1;
        _f.BuySellRatio = 0.5;
        _f.LargeTradeThresholdLots = long.MaxValue;
    }

    /// <summary>Index of the symbol in the engine's symbol table.</summary>
    public int SymbolId { get; }

    /// <summary>The current features.</summary>
    public ref readonly MarketFeatures Features => ref _f;

    /// <summary>The symbol's trade tape.</summary>
    public TradeTape Tape { get; }

    /// <summary>Confirmed spoof pulls so far, bid side.</summary>
    public SpoofTracker SpoofBidTracker => _spoofBid;

    /// <summary>Confirmed spoof pulls so far, ask side.</summary>
    public SpoofTracker SpoofAskTracker => _spoofAsk;

    /// <summary>
    /// Applies a book event: call after the synchronizer applied the message to <paramref name="book"/>. Reads the level
    /// changes the book logged since the previous call (for spoofing and icebergs) and recomputes every feature.
    /// </summary>
    public void OnBook(OrderBook book, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(book);
        long now = AdvanceCore(nowNs);
        if (!ReferenceEquals(_book, book))
        {
            _book = book;
            _changeCursor = book.Changes.TotalAdded; // start from now; older changes are history
        }
        ProcessChanges(book, now);

        _f.LastBookNs = now;
        _f.FeedLatencyMs = (book.LocalTsNs - book.ExchTsNs) / 1e6;
        _f.IsBookValid = book.IsValid && book.HasTwoSides && !book.IsCrossed;
        if (_f.IsBookValid) UpdateBook(book, now);
        Refresh(now);
    }

    /// <summary>Applies a trade print and recomputes every feature.</summary>
    public void OnTrade(in TradeEvent trade, long nowNs)
    {
        long now = AdvanceCore(nowNs);
        Tape.Add(trade, now);
        long price = trade.PriceTicks, qty = trade.QtyLots;
        if (trade.Aggressor == Side.Sell)
        {
            long visible = _book is null ? 0 : _book.Bids.QtyAtPrice(price);
            _absBid.OnTrade(price, qty, now);
            _iceBid.OnTrade(price, qty, visible, now);
            _spoofBid.OnTrade(price, qty);
        }
        else
        {
            long visible = _book is null ? 0 : _book.Asks.QtyAtPrice(price);
            _absAsk.OnTrade(price, qty, now);
            _iceAsk.OnTrade(price, qty, visible, now);
            _spoofAsk.OnTrade(price, qty);
        }
        _f.LastTradeNs = now;
        _f.FeedLatencyMs = (trade.LocalTsNs - trade.ExchTsNs) / 1e6;
        Refresh(now);
    }

    /// <summary>Moves time to <paramref name="nowNs"/> without an event: windows expire, scores fade, ages grow.</summary>
    public void Advance(long nowNs) => Refresh(AdvanceCore(nowNs));

    private static SpoofTracker NewSpoof(MicrostructureOptions o, Side side) => new(
        side, o.SpoofMaxDistanceTicks, o.SpoofSizeMultiple, o.SpoofMaxLifetimeMs * 1_000_000, o.SpoofTradeGraceMs * 1_000_000,
        o.SpoofWindowMs * 1_000_000, o.SpoofBaselineMs * 1_000_000, o.SpoofPendingCapacity);

    private long AdvanceCore(long nowNs)
    {
        if (nowNs < _nowNs) nowNs = _nowNs;
        if (_firstNs == long.MinValue) _firstNs = nowNs;
        _nowNs = nowNs;
        Tape.Advance(nowNs);
        int added = _midGrid.AdvanceTo(nowNs);
        for (int i = _midGrid.Count - added; i < _midGrid.Count; i++) _rv.Push(_midGrid[i]);
        if (added > 0 && _rv.Count >= _rv.LongReturns) _rvBaseline.Update(nowNs, _rv.LongBps); // seeded by a full window
        _obiGrid.AdvanceTo(nowNs);
        _spoofBid.Advance(nowNs);
        _spoofAsk.Advance(nowNs);
        if (_book is not null && _book.IsValid)
        {
            _absBid.OnBest(_book.BestBid, nowNs);
            _absAsk.OnBest(_book.BestAsk, nowNs);
        }
        return nowNs;
    }

    private void ProcessChanges(OrderBook book, long now)
    {
        var changes = book.Changes;
        long total = changes.TotalAdded;
        long fresh = Math.Min(total - _changeCursor, changes.Count);
        _changeCursor = total;
        if (fresh <= 0) return;

        int refLevels = _o.SpoofReferenceLevels;
        long bidDepth = book.Bids.DepthLevels(refLevels), askDepth = book.Asks.DepthLevels(refLevels);
        int bidN = Math.Min(refLevels, book.Bids.Count), askN = Math.Min(refLevels, book.Asks.Count);
        for (int i = changes.Count - (int)fresh; i < changes.Count; i++)
        {
            ref readonly var c = ref changes[i];
            long added = Math.Max(0, c.DeltaLots);
            if (c.Side == Side.Buy)
            {
                _spoofBid.OnChange(c, now, bidN == 0 ? 0 : (double)(bidDepth - added) / bidN);
                _iceBid.OnChange(c, now);
            }
            else
            {
                _spoofAsk.OnChange(c, now, askN == 0 ? 0 : (double)(askDepth - added) / askN);
                _iceAsk.OnChange(c, now);
            }
        }
    }

    private void UpdateBook(OrderBook book, long now)
    {
        long bb = book.BestBid, ba = book.BestAsk;
        double mid = book.MidTicks, micro = book.MicroPriceTicks;
        _f.BestBidTicks = bb;
        _f.BestAskTicks = ba;
        _f.SpreadTicks = ba - bb;
        _f.MidTicks = mid;
        _f.MicroPriceTicks = micro;
        _f.MicroPressureTicks = micro - mid;
        _f.MicroPressure = Math.Clamp((micro - mid) / ((ba - bb) * 0.5), -1, 1);

        double b = book.Bids.DepthLevels(_o.ObiLevels), a = book.Asks.DepthLevels(_o.ObiLevels);
        _f.Obi = b + a > 0 ? (b - a) / (b + a) : 0;
        _obiGrid.Set(now, _f.Obi);
        _midGrid.Set(now, mid);
        _emaFast.Update(now, mid);
        _emaSlow.Update(now, mid);

        _f.DepthBidLots = book.Bids.DepthLevels(_o.LiqDepthLevels);
        _f.DepthAskLots = book.Asks.DepthLevels(_o.LiqDepthLevels);
        double depth = _f.DepthBidLots + _f.DepthAskLots;
        _f.LiqAsymmetry = depth > 0 ? (_f.DepthBidLots - _f.DepthAskLots) / depth : 0;
        _liqAverage.Update(now, depth);
        _absBid.OnBest(bb, now);
        _absAsk.OnBest(ba, now);
    }

    private void Refresh(long now)
    {
        _f.NowNs = now;
        _f.BookAgeMs = _f.LastBookNs > 0 ? (now - _f.LastBookNs) / 1e6 : double.PositiveInfinity;
        _f.TradeAgeMs = _f.LastTradeNs > 0 ? (now - _f.LastTradeNs) / 1e6 : double.PositiveInfinity;
        _f.IsWarm = now - _firstNs >= _warmNs;

        double mid = _midGrid.Current;
        bool haveMid = double.IsFinite(mid);
        if (haveMid)
        {
            _f.EmaFastTicks = _emaFast.ValueAt(now);
            _f.EmaSlowTicks = _emaSlow.ValueAt(now);
            _f.MomentumTicks = _f.EmaFastTicks - _f.EmaSlowTicks;
            double then = _midGrid.ValueAt(now - _midChangeNs);
            _f.MidChangeTicks = double.IsFinite(then) ? mid - then : 0;
            double obiThen = _obiGrid.ValueAt(now - _obiRocNs);
            _f.ObiRocPerSecond = double.IsFinite(obiThen) ? (_obiGrid.Current - obiThen) / (_obiRocNs / 1e9) : 0;
        }

        _f.RvShortBps = _rv.ShortBps;
        _f.RvLongBps = _rv.LongBps;
        _f.Mvr = _f.RvLongBps > 0 ? Math.Min(_f.RvShortBps / _f.RvLongBps, _o.MvrCap) : (_f.RvShortBps > 0 ? _o.MvrCap : 1);
        double baseline = _rvBaseline.IsInitialized ? _rvBaseline.ValueAt(now) : _f.RvLongBps;
        _f.RvBaselineBps = baseline;
        _f.VolRegimeRatio = baseline > 0 ? Math.Min(_f.RvLongBps / baseline, _o.VolRatioCap) : 1;

        double avgDepth = _liqAverage.IsInitialized ? _liqAverage.ValueAt(now) : 0;
        double depthNow = _f.DepthBidLots + _f.DepthAskLots;
        _f.LiqThinness = depthNow > 0 ? Math.Min(avgDepth / depthNow, _o.LiqThinnessCap) : (avgDepth > 0 ? _o.LiqThinnessCap : 1);

        _flow.Write(ref _f, now, _firstNs, mid, _midGrid);

        double typical = _flow.TypicalVolumeLots(now, _firstNs);
        _f.AbsorptionBid = _absBid.Score(now, typical);
        _f.AbsorptionAsk = _absAsk.Score(now, typical);
        _f.Absorption = _f.AbsorptionBid - _f.AbsorptionAsk;
        _f.IceAbsorbBid = _iceBid.Score(now);
        _f.IceAbsorbAsk = _iceAsk.Score(now);
        _f.IceRefillsBid = _iceBid.RefillsAt(now);
        _f.IceRefillsAsk = _iceAsk.RefillsAt(now);
        // Usual pulled amount per side within one fade time. Under a steady pull rate r a fading sum with time constant
        // tau holds r x tau x (1 - exp(-elapsed / tau)), so the slow sums give r, and r x tauFast is what the fast sum
        // usually holds. Averaged over both sides so the two scores are comparable.
        double fadeNs = _o.SpoofWindowMs * 1e6, slowNs = _o.SpoofBaselineMs * 1e6;
        double elapsed = Math.Max(now - _firstNs, fadeNs);
        double slowSpan = slowNs * -double.ExpM1(-elapsed / slowNs);
        double usual = (_spoofBid.PulledSlowLots(now) + _spoofAsk.PulledSlowLots(now)) * 0.5 * fadeNs / slowSpan;
        _f.SpoofPulledBidLots = _spoofBid.PulledLots(now);
        _f.SpoofPulledAskLots = _spoofAsk.PulledLots(now);
        _f.SpoofBid = _spoofBid.Score(now, usual);
        _f.SpoofAsk = _spoofAsk.Score(now, usual);
    }
}
