namespace Smallfish.Exchanges.Abstractions;

/// <summary>Settings of a REST client. Defaults follow the venue docs; tests shrink the delays.</summary>
public sealed class RestClientOptions
{
    /// <summary>Signed-request receive window, ms (both venues default to 5000 and Binance asks to keep it at or below).</summary>
    public int RecvWindowMs { get; set; } = 5000;

    /// <summary>How long one HTTP call may take before its outcome is treated as unknown.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Measure the server clock offset before the first signed call.</summary>
    public bool SyncTimeBeforeFirstSignedCall { get; set; } = true;

    /// <summary>Retries of an idempotent read after a transient failure (0 disables).</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>First retry delay; grows exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Cap on one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Circuit breaker: share of transient failures within <see cref="BreakerSamplingDuration"/> that opens it.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: calls needed in the window before it may open (Polly minimum 2).</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Circuit breaker sampling window (Polly minimum 0.5 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open before a trial call (Polly minimum 0.5 s).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Client-side request rate per rate-limit key, per second (token bucket refill).</summary>
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Token bucket size.</summary>
    public int RequestBurst { get; set; } = 10;

    /// <summary>Wait after a rate-limit answer that carried no usable reset/Retry-After header.</summary>
    public TimeSpan DefaultRateLimitBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a rate-limit header may impose (guards against absurd values).</summary>
    public TimeSpan MaxRateLimitBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Binance request-weight budget per minute (exchangeInfo REQUEST_WEIGHT; doc example 2400).</summary>
    public int BinanceWeightPerMinute { get; set; } = 2400;

    /// <summary>Share of the Binance weight budget after which the client pauses until the next minute.</summary>
    public double BinanceWeightSlowdownRatio { get; set; } = 0.9;

    /// <summary>Bybit positions/open orders/wallet are queried for this settle coin when no symbol is given.</summary>
    public string SettleCoin { get; set; } = "USDT";
}
