using Smallfish.Core.Numerics;

namespace Smallfish.Core.MarketData.Features;

/// <summary>
/// A time-aware exponential moving average of a piecewise-constant series: between updates the series holds its last
/// value, and the average moves toward it by <c>1 - exp(-dt / tau)</c> for an elapsed time <c>dt</c>. The result does
/// not depend on how often the value is re-reported, only on how long each value was in effect.
/// </summary>
public struct TimeEma
{
    private readonly double _tauNs;
    private double _ema;
    private double _held;
    private long _lastNs;
    private bool _initialized;

    /// <summary>Creates an average with time constant <paramref name="tauNs"/> (ns, &gt; 0).</summary>
    public TimeEma(double tauNs)
    {
        if (!(tauNs > 0)) throw new ArgumentOutOfRangeException(nameof(tauNs), tauNs, "time constant must be > 0");
        _tauNs = tauNs;
        _ema = _held = double.NaN;
    }

    /// <summary>True once a value was given.</summary>
    public readonly bool IsInitialized => _initialized;

    /// <summary>The value currently in effect (the last one given); NaN before any.</summary>
    public readonly double Held => _held;

    /// <summary>Sets the value in effect from <paramref name="nowNs"/> on. The first value also starts the average.</summary>
    public void Update(long nowNs, double value)
    {
        if (!_initialized)
        {
            _ema = _held = value;
            _lastNs = nowNs;
            _initialized = true;
            return;
        }
        if (nowNs > _lastNs)
        {
            _ema = _held + (_ema - _held) * DecayMath.Exp(-(nowNs - _lastNs) / _tauNs);
            _lastNs = nowNs;
        }
        _held = value;
    }

    /// <summary>The average at <paramref name="nowNs"/> (at least the time of the last update); NaN before any value.</summary>
    public readonly double ValueAt(long nowNs)
    {
        if (!_initialized) return double.NaN;
        if (nowNs <= _lastNs) return _ema;
        return _held + (_ema - _held) * DecayMath.Exp(-(nowNs - _lastNs) / _tauNs);
    }

    /// <summary>Forgets all values.</summary>
    public void Reset()
    {
        _ema = _held = double.NaN;
        _lastNs = 0;
        _initialized = false;
    }
}
