namespace Smallfish.Simulation.Synthetic;

/// <summary>How the synthetic stream is stamped and what else rides on it (tickers, BBO).</summary>
public sealed record SyntheticFeedOptions
{
    /// <summary>Fixed part of the exchange-to-local latency.</summary>
    public TimeSpan LatencyBase { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Mean of the exponential (seeded) part of the latency added to <see cref="LatencyBase"/>.</summary>
    public TimeSpan LatencyJitterMean { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Exchange timestamps are truncated to this resolution (Bybit and Binance stamp in ms). Zero keeps ns.</summary>
    public TimeSpan ExchangeTimestampResolution { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Interval between ticker events (mark, index, funding). Zero disables tickers.</summary>
    public TimeSpan TickerInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Funding rate around which the ticker's rate wanders (fraction per interval; 0.0001 = 0.01%).</summary>
    public double FundingRate { get; init; } = 0.0001;

    /// <summary>Funding interval; funding times are multiples of it since the Unix epoch (8 h = 00:00, 08:00, 16:00 UTC).</summary>
    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Also raise a <c>BboEvent</c> after each book delta that changed the best bid or ask.</summary>
    public bool EmitBbo { get; init; }

    /// <summary>The snapshot's update id (Bybit <c>u</c>); every delta after it adds 1.</summary>
    public long InitialUpdateId { get; init; } = 1_000_000;

    internal void Validate(List<string> errors)
    {
        if (LatencyBase < TimeSpan.Zero) errors.Add($"Feed.{nameof(LatencyBase)} = {LatencyBase}: must be >= 0");
        if (LatencyJitterMean < TimeSpan.Zero) errors.Add($"Feed.{nameof(LatencyJitterMean)} = {LatencyJitterMean}: must be >= 0");
        if (ExchangeTimestampResolution < TimeSpan.Zero) errors.Add($"Feed.{nameof(ExchangeTimestampResolution)} = {ExchangeTimestampResolution}: must be >= 0");
        if (TickerInterval < TimeSpan.Zero) errors.Add($"Feed.{nameof(TickerInterval)} = {TickerInterval}: must be >= 0");
        if (FundingInterval <= TimeSpan.Zero) errors.Add($"Feed.{nameof(FundingInterval)} = {FundingInterval}: must be > 0");
        if (!(Math.Abs(FundingRate) < 0.01)) errors.Add($"Feed.{nameof(FundingRate)} = {FundingRate}: must be within +-0.01");
        if (InitialUpdateId < 1) errors.Add($"Feed.{nameof(InitialUpdateId)} = {InitialUpdateId}: must be >= 1");
    }
}
