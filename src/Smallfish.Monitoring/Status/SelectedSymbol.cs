namespace Smallfish.Monitoring.Status;

/// <summary>One symbol of the selection, with what the scanner ranked it on.</summary>
public sealed record SelectedSymbol
{
    /// <summary>Exchange symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>1-based place in the scanner's ranking; 0 when the symbol was not picked by the scanner.</summary>
    public int Rank { get; init; }

    /// <summary>Mean of the turnover and volatility ranks (lower is better); NaN when not ranked.</summary>
    public double Score { get; init; } = double.NaN;

    /// <summary>24 h turnover in quote currency at the scan; NaN when not ranked.</summary>
    public double Turnover24h { get; init; } = double.NaN;

    /// <summary>24 h log range ln(high / low) at the scan; NaN when not ranked or unknown.</summary>
    public double Range24h { get; init; } = double.NaN;

    /// <summary>True when it is traded because of an open position or working orders, not because of the ranking.</summary>
    public bool Kept { get; init; }
}
