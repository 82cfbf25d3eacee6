namespace Smallfish.Core.Scanning;

/// <summary>
/// Turns one exchange 24 h ticker into a <see cref="SymbolActivity"/> for the live scanner: turnover is the ticker's
/// 24 h quote turnover, volatility the 24 h log range <c>ln(high / low)</c> (Parkinson's range, unscaled). A ticker
/// without a usable range gets NaN volatility, which ranks last.
/// </summary>
public static class TickerActivity
{
    /// <summary>The activity of <paramref name="symbol"/> from its 24 h turnover, high and low.</summary>
    public static SymbolActivity FromTicker(string symbol, decimal turnover24h, decimal high24h, decimal low24h)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        double turnover = turnover24h > 0 ? (double)turnover24h : 0;
        double range = high24h > 0 && low24h > 0 && high24h >= low24h ? Math.Log((double)high24h / (double)low24h) : double.NaN;
        return new SymbolActivity(symbol, turnover, range, 0, 0);
    }
}
