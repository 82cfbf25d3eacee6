using Smallfish.Core.Scanning;

namespace Smallfish.Simulation.Backtesting.Scanning;

/// <summary>
/// Accumulates one symbol's turnover and realized volatility from its trades, in time order, in constant memory: the
/// last trade price of each UTC minute is that minute's close, and the log return between consecutive minutes that
/// had trades is one sample (a gap of quiet minutes gives one return across it).
/// </summary>
public sealed class SymbolActivityAccumulator
{
    private const long MinuteNs = 60_000_000_000L;

    private readonly string _symbol;
    private double _turnover;
    private long _trades;
    private long _minute = long.MinValue;
    private double _minuteClose;
    private double _previousClose = double.NaN;
    private long _returns;
    private double _sum, _sumSq;

    /// <summary>Creates an accumulator for <paramref name="symbol"/>.</summary>
    public SymbolActivityAccumulator(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        _symbol = symbol;
    }

    /// <summary>Adds a trade; non-positive or non-finite prices and sizes are ignored.</summary>
    public void Add(long tsNs, double price, double size)
    {
        if (!(price > 0) || !(size > 0) || !double.IsFinite(price) || !double.IsFinite(size)) return;
        _turnover += price * size;
        _trades++;
        long minute = Math.DivRem(tsNs, MinuteNs, out long rem);
        if (rem < 0) minute--;
        if (minute != _minute)
        {
            CloseMinute();
            _minute = minute;
        }
        _minuteClose = price;
    }

    /// <summary>The activity so far (includes the minute in progress).</summary>
    public SymbolActivity ToActivity()
    {
        long returns = _returns;
        double sum = _sum, sumSq = _sumSq;
        if (_minute != long.MinValue && double.IsFinite(_previousClose))
        {
            double r = Math.Log(_minuteClose / _previousClose);
            returns++;
            sum += r;
            sumSq += r * r;
        }
        double vol = double.NaN;
        if (returns >= 2)
        {
            double mean = sum / returns;
            vol = Math.Sqrt(Math.Max(0, (sumSq - (returns * mean * mean)) / (returns - 1)));
        }
        return new SymbolActivity(_symbol, _turnover, vol, _trades, returns);
    }

    private void CloseMinute()
    {
        if (_minute == long.MinValue) return;
        if (double.IsFinite(_previousClose))
        {
            double r = Math.Log(_minuteClose / _previousClose);
            _returns++;
            _sum += r;
            _sumSq += r * r;
        }
        _previousClose = _minuteClose;
    }
}
