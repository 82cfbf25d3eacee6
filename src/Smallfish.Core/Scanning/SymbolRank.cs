namespace Smallfish.Core.Scanning;

/// <summary>A symbol's place in the scanner's ranking.</summary>
/// <param name="Activity">What it was ranked on.</param>
/// <param name="TurnoverRank">1 = highest turnover; ties share their average rank.</param>
/// <param name="VolatilityRank">1 = highest volatility; ties share their average rank; unknown volatility ranks last.</param>
/// <param name="Score">Mean of the two ranks (lower is better).</param>
public sealed record SymbolRank(SymbolActivity Activity, double TurnoverRank, double VolatilityRank, double Score)
{
    /// <summary>The symbol.</summary>
    public string Symbol => Activity.Symbol;
}
