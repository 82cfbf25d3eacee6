using Smallfish.Core.Domain;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// The plain-noise processes, one method per Poisson event: taker orders, near-touch adds and cancels, far-book
/// upkeep, mid jumps (quote moves) and spread refills. Rates live in the generator's scheduler; each method is one
/// action on the market, shaped by the active episode's <see cref="MarketModulation"/>.
/// </summary>
internal sealed class BackgroundFlow
{
    private readonly SyntheticMarket _m;
    private readonly SyntheticBackgroundOptions _o;
    private readonly SyntheticRandom _r;

    public BackgroundFlow(SyntheticMarket market, SyntheticRandom rng)
    {
        _m = market;
        _o = market.Options;
        _r = rng;
    }

    /// <summary>A taker order: random side (biased by the episode), 1 + geometric prints of heavy-tailed size, walking at most a few levels.</summary>
    public void TakerOrder()
    {
        var side = _r.Chance(_m.Mod.BuyProbability) ? Side.Buy : Side.Sell;
        long prints = 1 + _r.Geometric(_o.MeanPrintsPerTakerOrder - 1);
        var book = _m.Book(side.Opposite());
        if (book.Count == 0) return;
        long limit = book.PriceAt(Math.Min(_o.MaxWalkLevels, book.Count) - 1);
        for (long i = 0; i < prints; i++)
        {
            long rem = _m.Sizes.TradeLots(_r);
            while (rem > 0)
            {
                long f = _m.TakeBest(side, rem, limit);
                if (f == 0) return;
                rem -= f;
            }
        }
    }

    /// <summary>A limit order near the touch: at the touch with the touch share, else a geometric number of ticks behind it.</summary>
    public void NearAdd()
    {
        var side = PickSide(_m.Mod.AddRate);
        var book = _m.Book(side);
        if (book.Count == 0) return;
        bool atTouch = _r.Chance(_o.TouchShare);
        long d = atTouch ? 0 : 1 + Math.Min(_r.Geometric(4), _o.NearTicks - 1);
        long lots = atTouch ? _m.Sizes.TouchAddLots(_r) : _m.Sizes.LevelLots(_r);
        _m.Add(side, SyntheticMarket.Deeper(side, book.BestPrice, d), lots);
    }

    /// <summary>A cancel near the touch: part or all of an existing level, the touch with the touch share.</summary>
    public void NearCancel()
    {
        var side = PickSide(_m.Mod.CancelRate);
        var book = _m.Book(side);
        if (book.Count == 0) return;
        bool atTouch = _r.Chance(_o.TouchShare);
        int k = atTouch ? 0 : (int)Math.Min(1 + _r.Geometric(3), Math.Min(_o.NearTicks, book.Count - 1));
        long price = book.PriceAt(k);
        long q = book.QtyAt(k);
        // Whole-level cancels are rarer at the touch, where many makers share the level.
        bool whole = _r.Chance(atTouch ? 0.05 : 0.4);
        long lots = whole ? q : Math.Max(1, (long)(q * _r.Uniform(0.1, 0.7)));
        _m.Cancel(side, price, lots);
    }

    /// <summary>Far-book upkeep: drops a level beyond twice the depth window, else adds or removes one far level steering toward the target count.</summary>
    public void FarUpdate()
    {
        var side = _r.Chance(0.5) ? Side.Buy : Side.Sell;
        var book = _m.Book(side);
        if (book.Count == 0) return;
        long worst = book.PriceAt(book.Count - 1);
        if (Math.Abs(worst - book.BestPrice) > 2L * _o.DepthTicks)
        {
            _m.RemoveLevel(side, worst);
            return;
        }
        bool add = _r.Chance(book.Count < _o.TargetLevels ? 0.75 : 0.25);
        if (add)
        {
            long d = _r.Between(_o.NearTicks + 1, _o.DepthTicks);
            _m.Add(side, SyntheticMarket.Deeper(side, book.BestPrice, d), _m.Sizes.LevelLots(_r));
            return;
        }
        int first = Math.Min(book.Count - 1, _o.NearTicks / 2);
        int k = (int)_r.Between(first, book.Count - 1);
        if (k > 0) _m.Cancel(side, book.PriceAt(k), book.QtyAt(k));
    }

    /// <summary>A mid jump: the quotes move a heavy-tailed number of ticks, led by an aggressive print with some probability.</summary>
    public void Jump()
    {
        int dir = _r.Chance(_m.Mod.UpJumpProbability) ? 1 : -1;
        long ticks = _m.Sizes.JumpTicks(_r, _m.Mod.JumpSize);
        int lead = _r.Chance(_o.JumpTradeProbability) ? (int)(1 + _r.Geometric(_o.MeanPrintsPerTakerOrder - 1)) : 0;
        _m.Move(dir * ticks, lead);
    }

    /// <summary>A maker improves a spread wider than one tick by quoting one tick inside it (never on a defended or held side).</summary>
    public void SpreadRefill()
    {
        if (_m.SpreadTicks <= 1 || _m.Bids.Count == 0 || _m.Asks.Count == 0) return;
        var side = _r.Chance(0.5) ? Side.Buy : Side.Sell;
        if (Held(side)) side = side.Opposite();
        if (Held(side)) return;
        long price = side == Side.Buy ? _m.BestBid + 1 : _m.BestAsk - 1;
        if (_m.CanRest(side, price)) _m.Set(side, price, _m.Sizes.TouchLots(_r, _m.Mod.QuoteSize[side == Side.Buy ? 0 : 1]));
    }

    private bool Held(Side side) =>
        (_m.Guard.Mode is GuardMode.Iceberg or GuardMode.Absorb && _m.Guard.Side == side) || _m.Mod.NoImprove[side == Side.Buy ? 0 : 1];

    private Side PickSide(double[] weights)
    {
        double total = weights[0] + weights[1];
        if (total <= 0) return Side.Buy;
        return _r.NextDouble() * total < weights[0] ? Side.Buy : Side.Sell;
    }
}
