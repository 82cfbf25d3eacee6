namespace Smallfish.Core.Configuration;

/// <summary>
/// Everything Smallfish is configured with: the section <c>Smallfish</c> of appsettings.json, the profile layer
/// <c>appsettings.{Mode}.json</c>, secrets, environment variables and command-line overrides. Every default lives in
/// appsettings.json (the code defaults below match it; a test keeps them equal). Unknown keys under
/// <c>Smallfish</c> are rejected when configuration is validated, so a new section needs a property here.
/// </summary>
public sealed class SmallfishOptions
{
    /// <summary>The configuration section bound to this type.</summary>
    public const string SectionName = "Smallfish";

    /// <summary>Risk profile (<c>--mode</c>); selects the layer file <c>appsettings.{Mode}.json</c>.</summary>
    public TradingMode Mode { get; set; } = TradingMode.Balanced;

    /// <summary>Venue, environment and addresses.</summary>
    public ExchangeOptions Exchange { get; set; } = new();

    /// <summary>Symbols traded, e.g. BTCUSDT. Defaults live in appsettings.json.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>Automatic symbol selection.</summary>
    public AutoSymbolsOptions AutoSymbols { get; set; } = new();

    /// <summary>The 13 signals.</summary>
    public SignalsOptions Signals { get; set; } = new();

    /// <summary>Signal fusion and the quality gate.</summary>
    public FusionOptions Fusion { get; set; } = new();

    /// <summary>Per-signal edge tracking.</summary>
    public AdaptiveWeightsOptions AdaptiveWeights { get; set; } = new();

    /// <summary>Trade tape and feature-extraction parameters (windows, levels, thresholds).</summary>
    public MicrostructureOptions Microstructure { get; set; } = new();

    /// <summary>Sizing, brackets and limits.</summary>
    public RiskOptions Risk { get; set; } = new();

    /// <summary>Pre-trade gates.</summary>
    public GatesOptions Gates { get; set; } = new();

    /// <summary>Order routing.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>Exchange stream connections.</summary>
    public WebSocketOptions WebSocket { get; set; } = new();

    /// <summary>Optional grid strategy.</summary>
    public MultigridOptions Multigrid { get; set; } = new();

    /// <summary>Terminal dashboard.</summary>
    public DashboardOptions Dashboard { get; set; } = new();

    /// <summary>Telegram remote control.</summary>
    public TelegramOptions Telegram { get; set; } = new();

    /// <summary>Email alerts.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Status snapshot endpoint.</summary>
    public StatusOptions Status { get; set; } = new();

    /// <summary>Data directory and journal.</summary>
    public JournalOptions Journal { get; set; } = new();

    /// <summary>The service's engine loop, heartbeat, shutdown and logging.</summary>
    public ServiceOptions Service { get; set; } = new();

    /// <summary>Paper trading (the service's in-process simulated venue).</summary>
    public PaperOptions Paper { get; set; } = new();

    /// <summary>Raw market-data recorder.</summary>
    public RecorderOptions Recorder { get; set; } = new();

    /// <summary>Fallback instrument specs by symbol (case-insensitive keys).</summary>
    public Dictionary<string, InstrumentOptions> Instruments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Credentials. Never printed.</summary>
    public SecretsOptions Secrets { get; set; } = new();

    /// <summary>
    /// Effective per-symbol options for the symbols that have a <c>Smallfish:PerSymbol:&lt;SYMBOL&gt;</c> section
    /// (case-insensitive keys). Use <see cref="ForSymbol"/> to get the options of any symbol.
    /// </summary>
    public Dictionary<string, SymbolScopedOptions> PerSymbol { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The options that apply to <paramref name="symbol"/>: its <see cref="PerSymbol"/> entry when it has one,
    /// otherwise the base sections (shared instances, do not mutate).
    /// </summary>
    public SymbolScopedOptions ForSymbol(string symbol)
    {
        if (PerSymbol.TryGetValue(symbol, out SymbolScopedOptions? own)) return own;
        return new SymbolScopedOptions { Signals = Signals, Fusion = Fusion, Risk = Risk, Gates = Gates, Routing = Routing };
    }
}
