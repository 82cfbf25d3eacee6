using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// Periodic ticker fields: index = mid less a small mean-reverting basis, mark = index plus a tiny premium, a funding
/// rate wandering around the configured one, the next funding time on the funding-interval grid. Turnover is the
/// stream's own traded notional so far (not a real 24 h figure); the change is against the opening mid.
/// </summary>
internal sealed class TickerModel
{
    private readonly SyntheticRandom _r;
    private readonly double _tick;
    private readonly double _step;
    private readonly double _baseFunding;
    private readonly long _fundingIntervalNs;
    private double _basisBps;
    private double _funding;
    private double _openMid;

    public TickerModel(InstrumentSpec spec, SyntheticFeedOptions feed, SyntheticRandom rng)
    {
        _r = rng;
        _tick = (double)spec.TickSize;
        _step = (double)spec.QtyStep;
        _baseFunding = feed.FundingRate;
        _funding = feed.FundingRate;
        _fundingIntervalNs = feed.FundingInterval.Ticks * 100;
    }

    public void Emit(SyntheticMarket m)
    {
        double mid = m.Mid2 * 0.5 * _tick;
        if (_openMid == 0) _openMid = mid;
        _basisBps = 0.9 * _basisBps + 0.3 * _r.Normal();
        _funding = _baseFunding + 0.98 * (_funding - _baseFunding) + 0.000002 * _r.Normal();
        double index = mid * (1 - _basisBps * 1e-4);
        double mark = index * (1 + _funding * 0.1);
        var feed = m.Feed;
        double last = feed.LastTradePriceTicks > 0 ? feed.LastTradePriceTicks * _tick : mid;
        long exch = feed.ExchangeTime(m.NowNs);
        long nextFunding = (exch / _fundingIntervalNs + 1) * _fundingIntervalNs;
        double turnover = feed.TradedTickLots * _tick * _step;
        feed.Ticker(m.NowNs, last, mark, index, _funding, nextFunding, turnover, (mid - _openMid) / _openMid);
    }
}
