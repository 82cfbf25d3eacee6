namespace Smallfish.Core.Configuration;

/// <summary>
/// The sections that can differ per symbol. As a value of <see cref="SmallfishOptions.PerSymbol"/> it holds the
/// effective options of that symbol: the base sections with <c>Smallfish:PerSymbol:&lt;SYMBOL&gt;</c> applied on top
/// (keys present in the override win; a list present in the override replaces the base list as a whole).
/// </summary>
public sealed class SymbolScopedOptions
{
    /// <summary>Signal weights, switches and parameters.</summary>
    public SignalsOptions Signals { get; set; } = new();

    /// <summary>Entry thresholds and quality gate.</summary>
    public FusionOptions Fusion { get; set; } = new();

    /// <summary>Sizing, brackets and limits.</summary>
    public RiskOptions Risk { get; set; } = new();

    /// <summary>Pre-trade gates.</summary>
    public GatesOptions Gates { get; set; } = new();

    /// <summary>Order routing.</summary>
    public RoutingOptions Routing { get; set; } = new();
}
