using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// Size and jump draws of the background, in lots and ticks (converted from the options once). Resting sizes are
/// log-normal with their tails cut at <see cref="TailCap"/> times the median, so a one-in-a-million draw cannot park
/// a 100+ BTC level near the touch.
/// </summary>
internal sealed class SizeModel
{
    private readonly SyntheticBackgroundOptions _o;
    private readonly double _lotsPerUnit;
    private readonly long _maxTradeLots;

    /// <summary>Largest resting-size draw as a multiple of its median.</summary>
    public const double TailCap = 10;

    public SizeModel(SyntheticBackgroundOptions o, InstrumentSpec spec)
    {
        _o = o;
        _lotsPerUnit = 1.0 / (double)spec.QtyStep;
        _maxTradeLots = Math.Max(1, ToLots((double)o.MaxTradeQty));
    }

    /// <summary>Lots for a base quantity, at least 1.</summary>
    public long ToLots(double qty) => Math.Max(1, (long)Math.Round(qty * _lotsPerUnit, MidpointRounding.AwayFromZero));

    /// <summary>Base quantity of a number of lots.</summary>
    public double ToQty(long lots) => lots / _lotsPerUnit;

    /// <summary>One background print.</summary>
    public long TradeLots(SyntheticRandom r, double scale = 1) =>
        Math.Min(_maxTradeLots, ToLots(r.LogNormal((double)_o.MedianTradeQty * scale, _o.TradeQtySigma)));

    /// <summary>A freshly quoted touch level.</summary>
    public long TouchLots(SyntheticRandom r, double scale = 1) => Capped(r, (double)_o.MedianTouchQty * scale, _o.TouchQtySigma);

    /// <summary>A level behind the touch.</summary>
    public long LevelLots(SyntheticRandom r, double scale = 1) => Capped(r, (double)_o.MedianLevelQty * scale, _o.LevelQtySigma);

    /// <summary>One limit order joining the touch.</summary>
    public long TouchAddLots(SyntheticRandom r) => Capped(r, (double)_o.MedianTouchAddQty, _o.TouchQtySigma);

    /// <summary>One mid jump in ticks, scaled.</summary>
    public long JumpTicks(SyntheticRandom r, double scale) =>
        Math.Clamp((long)Math.Round(r.LogNormal(_o.MedianJumpTicks * scale, _o.JumpTicksSigma)), 1, _o.MaxJumpTicks);

    private long Capped(SyntheticRandom r, double median, double sigma) => ToLots(Math.Min(TailCap * median, r.LogNormal(median, sigma)));
}
