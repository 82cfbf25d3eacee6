namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// Absorption on one side: taker volume hitting this side (taker sells for the bid side) while the side's best price
/// does not give way. The first hit anchors the defended price; volume accumulates in a fading sum as long as trades
/// print at or better than the anchor. A trade through the anchor, or the best price staying through it for longer than
/// the grace time, breaks the defense and empties the sum.
/// </summary>
public sealed class AbsorptionTracker
{
    private readonly bool _bid;
    private readonly long _graceNs;
    private DecayingSum _volume;
    private bool _anchored;
    private long _throughSinceNs = long.MinValue;

    /// <summary>Creates a tracker for the bid side (<paramref name="bid"/> true) or the ask side.</summary>
    public AbsorptionTracker(bool bid, long fadeNs, long graceNs)
    {
        _bid = bid;
        _graceNs = graceNs;
        _volume = new DecayingSum(fadeNs);
    }

    /// <summary>The defended price, ticks (meaningful while anchored).</summary>
    public long AnchorTicks { get; private set; }

    /// <summary>Absorbed volume faded to <paramref name="nowNs"/>, lots.</summary>
    public double AbsorbedLots(long nowNs) => _anchored ? _volume.ValueAt(nowNs) : 0;

    /// <summary>
    /// Absorption score in [0, 1]: absorbed volume over (itself + <paramref name="typicalLots"/>), the volume that
    /// normally trades in one fade time. 0 with nothing absorbed.
    /// </summary>
    public double Score(long nowNs, double typicalLots)
    {
        double v = AbsorbedLots(nowNs);
        if (v <= 0) return 0;
        return typicalLots > 0 ? v / (v + typicalLots) : 1;
    }

    /// <summary>Feeds a trade that hit this side.</summary>
    public void OnTrade(long priceTicks, long qtyLots, long nowNs)
    {
        bool through = _anchored && (_bid ? priceTicks < AnchorTicks : priceTicks > AnchorTicks);
        if (!_anchored || through || _volume.ValueAt(nowNs) < 0.5)
        {
            _volume.Clear();
            AnchorTicks = priceTicks;
            _anchored = true;
        }
        _throughSinceNs = long.MinValue;
        _volume.Add(nowNs, qtyLots);
    }

    /// <summary>Feeds this side's best price (0 = empty side).</summary>
    public void OnBest(long bestTicks, long nowNs)
    {
        if (!_anchored) return;
        bool through = bestTicks == 0 || (_bid ? bestTicks < AnchorTicks : bestTicks > AnchorTicks);
        if (!through)
        {
            _throughSinceNs = long.MinValue;
            return;
        }
        if (_throughSinceNs == long.MinValue) _throughSinceNs = nowNs;
        if (nowNs - _throughSinceNs >= _graceNs) Clear();
    }

    /// <summary>Forgets the defended level.</summary>
    public void Clear()
    {
        _anchored = false;
        _volume.Clear();
        _throughSinceNs = long.MinValue;
    }
}
