using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Resilience;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Http;

/// <summary>
/// Runs REST calls for one venue: rate-limit gate, signing with the server-offset clock, transport with timeout,
/// Polly pipelines (reads retried, writes not), response interpretation, and the timestamp rule: on a
/// timestamp-out-of-window answer resync the clock and retry exactly once.
/// </summary>
internal sealed class RestExecutor
{
    private readonly IVenueProtocol _protocol;
    private readonly RestTransport _transport;
    private readonly RestResilience _resilience;
    private readonly RestClientOptions _options;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _syncLock = new(1, 1);

    public RestExecutor(IVenueProtocol protocol, RestTransport transport, RateLimitGate gate, ServerClock clock, RestResilience resilience, RestClientOptions options, ILogger log)
    {
        _protocol = protocol;
        _transport = transport;
        Gate = gate;
        Clock = clock;
        _resilience = resilience;
        _options = options;
        _log = log;
    }

    public RateLimitGate Gate { get; }

    public ServerClock Clock { get; }

    public async Task<ExchangeResult<T>> SendAsync<T>(RestCall call, Func<JsonElement, T> parse, CancellationToken ct)
    {
        if (call.Signed && _options.SyncTimeBeforeFirstSignedCall && !Clock.IsSynced) await SyncTimeAsync(ct, onlyIfUnsynced: true).ConfigureAwait(false);
        var result = await RunAsync(call, parse, ct).ConfigureAwait(false);
        if (call.Signed && result.RejectReason == RejectReason.TimestampOutOfWindow)
        {
            RestLog.TimestampRejected(_log, _protocol.Name, call.Path);
            await SyncTimeAsync(ct).ConfigureAwait(false);
            result = await RunAsync(call, parse, ct).ConfigureAwait(false); // once: never loop on clock errors
        }
        if (!result.Success) RestLog.CallFailed(_log, _protocol.Name, call.Method.Method, call.Path, result.Error.HttpStatus, result.Error.Code, result.Error.Reject.ToString(), result.Error.IsTransient, result.Error.Message);
        return result;
    }

    public async Task<ExchangeResult<ServerTimeInfo>> SyncTimeAsync(CancellationToken ct, bool onlyIfUnsynced = false)
    {
        await _syncLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (onlyIfUnsynced && Clock.IsSynced)
            {
                return ExchangeResult<ServerTimeInfo>.Ok(new ServerTimeInfo(Clock.NowMs(), Clock.OffsetMs, Clock.RoundTripMs)); // a concurrent caller just synced
            }
            RestResponse? answer = null;
            var result = await _resilience.Reads.ExecuteAsync(
                async token =>
                {
                    var r = await SendOnceAsync(_protocol.ServerTimeCall, _protocol.ParseServerTime, token).ConfigureAwait(false);
                    answer = r.Response;
                    return r.Result;
                },
                ct).ConfigureAwait(false);
            if (!result.Success || answer is null) return result.Success ? ExchangeResult<ServerTimeInfo>.Fail(ExchangeError.Malformed("no time answer", 0)) : result.AsFailure<ServerTimeInfo>();
            var (offset, rtt) = Clock.Apply(answer.SentMs, result.Data, answer.ReceivedMs);
            RestLog.TimeSynced(_log, _protocol.Name, offset, rtt);
            return ExchangeResult<ServerTimeInfo>.Ok(new ServerTimeInfo(result.Data, offset, rtt), result.Raw);
        }
        catch (BrokenCircuitException ex)
        {
            return ExchangeResult<ServerTimeInfo>.Fail(CircuitOpen(ex));
        }
        finally
        {
            _syncLock.Release();
        }
    }

    private async Task<ExchangeResult<T>> RunAsync<T>(RestCall call, Func<JsonElement, T> parse, CancellationToken ct)
    {
        var pipeline = call.Idempotent ? _resilience.Reads : _resilience.Writes;
        var context = ResilienceContextPool.Shared.Get(call.Path, ct);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => (await state.Self.SendOnceAsync(state.Call, state.Parse, ctx.CancellationToken).ConfigureAwait(false)).Result,
                context,
                (Self: this, Call: call, Parse: parse)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            return ExchangeResult<T>.Fail(CircuitOpen(ex));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<(ExchangeResult<T> Result, RestResponse Response)> SendOnceAsync<T>(RestCall call, Func<JsonElement, T> parse, CancellationToken ct)
    {
        await Gate.WaitAsync(call.RateKey, call.Protective, ct).ConfigureAwait(false);
        using var request = _protocol.Build(call, Clock.NowMs());
        var response = await _transport.SendAsync(request, ct).ConfigureAwait(false);
        ExchangeResult<T> result = response.Failure != RestFailure.None
            ? ExchangeResult<T>.Fail(ExchangeError.NoAnswer(response.FailureMessage ?? "no answer"))
            : _protocol.Interpret(response, parse);
        _protocol.ObserveRateLimits(call, response, result, Gate, Clock);
        return (result, response);
    }

    private static ExchangeError CircuitOpen(BrokenCircuitException ex) =>
        new(null, "circuit open: " + (ex.RetryAfter is { } after ? $"retry after {(long)after.TotalMilliseconds} ms" : "venue unhealthy"), RejectReason.Transient, IsTransient: true);
}
