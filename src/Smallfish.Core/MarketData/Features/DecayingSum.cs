using Smallfish.Core.Numerics;

namespace Smallfish.Core.MarketData.Features;

/// <summary>A sum whose content fades exponentially with time constant tau: each amount counts <c>exp(-age / tau)</c>.</summary>
public struct DecayingSum
{
    private readonly double _tauNs;
    private double _value;
    private long _lastNs;

    /// <summary>Creates an empty sum with time constant <paramref name="tauNs"/> (ns, &gt; 0).</summary>
    public DecayingSum(double tauNs)
    {
        if (!(tauNs > 0)) throw new ArgumentOutOfRangeException(nameof(tauNs), tauNs, "time constant must be > 0");
        _tauNs = tauNs;
    }

    /// <summary>The faded sum at <paramref name="nowNs"/>.</summary>
    public readonly double ValueAt(long nowNs) => nowNs <= _lastNs ? _value : _value * DecayMath.Exp(-(nowNs - _lastNs) / _tauNs);

    /// <summary>Adds <paramref name="amount"/> at <paramref name="nowNs"/>.</summary>
    public void Add(long nowNs, double amount)
    {
        _value = ValueAt(nowNs) + amount;
        if (nowNs > _lastNs) _lastNs = nowNs;
    }

    /// <summary>Empties the sum.</summary>
    public void Clear() => _value = 0;
}
