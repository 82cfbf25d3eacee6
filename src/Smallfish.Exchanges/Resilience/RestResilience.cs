using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Resilience;

/// <summary>
/// The two Polly v8 pipelines of a REST client, sharing one circuit breaker. Reads: retry (exponential backoff with
/// jitter, transient results only) around the breaker. Writes: the breaker only; a write is never retried blindly
/// (placement recovery by client order id is done by the client, see <see cref="OrderPlacement"/>). Time comes from
/// the injected clock; the jitter source may be injected for deterministic tests.
/// </summary>
internal sealed class RestResilience
{
    public RestResilience(RestClientOptions options, TimeProvider clock, ILogger log, string exchange, Func<double>? random = null)
    {
        var breakerOptions = new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsBreakerFailure(args.Outcome)),
            OnOpened = args =>
            {
                RestLog.CircuitOpened(log, exchange, (long)args.BreakDuration.TotalMilliseconds);
                return default;
            },
        };
        var breaker = new ResiliencePipelineBuilder { TimeProvider = clock, Name = exchange + "-breaker" }
            .AddCircuitBreaker(breakerOptions)
            .Build();
        Writes = breaker;

        if (options.ReadRetries <= 0)
        {
            Reads = breaker;
            return;
        }
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = options.ReadRetries,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
            OnRetry = args =>
            {
                RestLog.Retrying(log, exchange, args.Context.OperationKey ?? "", args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                return default;
            },
        };
        if (random is not null) retry.Randomizer = random;
        Reads = new ResiliencePipelineBuilder { TimeProvider = clock, Name = exchange + "-reads" }
            .AddRetry(retry)
            .AddPipeline(breaker)
            .Build();
    }

    /// <summary>Retry + breaker, for idempotent reads.</summary>
    public ResiliencePipeline Reads { get; }

    /// <summary>Breaker only, for writes.</summary>
    public ResiliencePipeline Writes { get; }

    /// <summary>A failed result the same request may fix by trying again.</summary>
    internal static bool IsRetryable(Outcome<object> outcome) =>
        outcome.Result is IExchangeResult { Success: false, IsTransient: true };

    /// <summary>A failure that says the venue or the path to it is unhealthy (not a rate-limit answer: that venue is alive).</summary>
    internal static bool IsBreakerFailure(Outcome<object> outcome) =>
        outcome.Result is IExchangeResult { Success: false, IsTransient: true } r && r.RejectReason != RejectReason.RateLimited;
}
