namespace Smallfish.Monitoring.Status;

/// <summary>
/// What a running service shows the outside: the JSON document served at <c>GET /status</c> and read by the
/// dashboard, Telegram and health checks. A transport type, mapped from the engine's runtime snapshot; prices and
/// quantities are decimals (people read them), times are nanoseconds since the Unix epoch, ages and latencies are
/// milliseconds.
/// </summary>
/// <remarks>
/// No field can carry a secret: the document holds numbers, flags, enumerations and a few identifiers (symbols,
/// client order ids, the version), never free text, configuration values or exception messages. Reasons are
/// enumerations for that reason. A test walks the type graph and keeps it so.
/// </remarks>
public sealed record StatusSnapshot
{
    /// <summary>The document's schema version; bumped when a field changes meaning or is removed.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of this document (<see cref="CurrentSchemaVersion"/> when produced by this build).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the snapshot was taken, ns since the Unix epoch.</summary>
    public long AsOfNs { get; init; }

    /// <summary>Which service this is and how it runs.</summary>
    public ServiceInfo Service { get; init; } = new();

    /// <summary>Equity, drawdown and the day's results.</summary>
    public AccountStatus Account { get; init; } = new();

    /// <summary>The kill switch.</summary>
    public KillSwitchInfo KillSwitch { get; init; } = new();

    /// <summary>Liveness of the engine loop and the market data feed.</summary>
    public HeartbeatInfo Heartbeat { get; init; } = new();

    /// <summary>How the running symbols were chosen (configured or scanner) and the latest re-scan; null when not reported.</summary>
    public SymbolSelectionStatus? SymbolSelection { get; init; }

    /// <summary>Per-symbol market, signal, position, order and grid state.</summary>
    public IReadOnlyList<SymbolStatus> Symbols { get; init; } = [];

    /// <summary>The most recent round trips, oldest first.</summary>
    public IReadOnlyList<TradeInfo> RecentTrades { get; init; } = [];

    /// <summary>Recent equity points, oldest first.</summary>
    public IReadOnlyList<EquityPoint> EquityCurve { get; init; } = [];
}
