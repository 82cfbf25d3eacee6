namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>A volume-weighted average price whose weights halve every <c>halfLifeNs</c> (a rolling VWAP without a window buffer).</summary>
internal sealed class VwapTracker(long halfLifeNs)
{
    private double _pv;
    private double _v;
    private long _lastNs;

    /// <summary>The current VWAP in ticks; NaN before the first print.</summary>
    public double Ticks => _v > 0 ? _pv / _v : double.NaN;

    public void Add(long nowNs, long priceTicks, long lots)
    {
        if (_v > 0 && nowNs > _lastNs)
        {
            double f = Math.Pow(0.5, (double)(nowNs - _lastNs) / halfLifeNs);
            _pv *= f;
            _v *= f;
        }
        _lastNs = nowNs;
        _pv += (double)priceTicks * lots;
        _v += lots;
    }
}
