using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:AutoSymbols</c>: pick the top N symbols by turnover and volatility instead of (in addition
/// to) the fixed list. AUTO_SYMBOLS maps onto <see cref="Count"/>.
/// </summary>
public sealed class AutoSymbolsOptions
{
    /// <summary>How many symbols to pick (0 = off, trade only <see cref="SmallfishOptions.Symbols"/>).</summary>
    [Range(0, 100)]
    public int Count { get; set; }

    /// <summary>How often the selection is redone, in minutes.</summary>
    [Range(1, 10_080)]
    public int RescanIntervalMinutes { get; set; } = 60;
}
