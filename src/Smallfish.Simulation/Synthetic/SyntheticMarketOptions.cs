using Smallfish.Core.Instruments;
using Smallfish.Core.Time;

namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// Everything that shapes a synthetic stream. Same options (seed included) = byte-identical stream.
/// Sizes are in the instrument's base quantity and converted to lots once, prices are in ticks.
/// </summary>
public sealed record SyntheticMarketOptions
{
    /// <summary>Seed of every random draw (background, episodes, latency, ticker).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Exchange time of the opening snapshot, ns since the Unix epoch (default 2024-01-01T00:00:00Z).</summary>
    public long StartTimeNs { get; init; } = 1_704_067_200L * TimeProviderExtensions.NsPerSecond;

    /// <summary>Length of the stream in exchange time.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The contract whose grid the stream uses (default: BTCUSDT-like, tick 0.1, step 0.001).</summary>
    public InstrumentSpec Instrument { get; init; } = BtcUsdtLike();

    /// <summary>Symbol id stamped on every event.</summary>
    public int SymbolId { get; init; }

    /// <summary>Price of the opening best bid (rounded down to the tick grid).</summary>
    public decimal InitialPrice { get; init; } = 64_000m;

    /// <summary>The plain-noise market between episodes.</summary>
    public SyntheticBackgroundOptions Background { get; init; } = new();

    /// <summary>Which episodes are injected, how often and how strong.</summary>
    public SyntheticEpisodeOptions Episodes { get; init; } = new();

    /// <summary>Timestamps, latency, tickers.</summary>
    public SyntheticFeedOptions Feed { get; init; } = new();

    /// <summary>A BTCUSDT-like linear perpetual grid: tick 0.1, step 0.001, min qty 0.001, min notional 5.</summary>
    public static InstrumentSpec BtcUsdtLike() => new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m);

    /// <summary>Every problem with these options, one line each naming the key, the value and the rule (empty = valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Duration <= TimeSpan.Zero) errors.Add($"{nameof(Duration)} = {Duration}: must be > 0");
        if (StartTimeNs < 0) errors.Add($"{nameof(StartTimeNs)} = {StartTimeNs}: must be >= 0");
        if (Instrument is null) errors.Add($"{nameof(Instrument)}: required");
        else
        {
            long ticks = Instrument.Price.FloorSteps(InitialPrice);
            if (ticks < 10L * Background.DepthTicks)
                errors.Add($"{nameof(InitialPrice)} = {InitialPrice}: must be at least {10 * Background.DepthTicks} ticks of {Instrument.TickSize} (10 x DepthTicks)");
        }
        Background.Validate(errors);
        Episodes.Validate(errors);
        Feed.Validate(errors);
        return errors;
    }
}
