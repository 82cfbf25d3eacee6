using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Resilience;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Bybit v5 REST client for linear USDT perpetuals (bybit-v5.md). See <see cref="IExchangeRestClient"/> for the contract.</summary>
public sealed partial class BybitRestClient : IExchangeRestClient
{
    private const int MaxPages = 20;
    private readonly RestExecutor _executor;
    private readonly IInstrumentLookup _instruments;
    private readonly RestClientOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    /// <summary>Creates a client. <paramref name="credentials"/> may be null for public data only.</summary>
    public BybitRestClient(
        HttpClient http,
        ExchangeEndpoints endpoints,
        ApiCredentials? credentials,
        IInstrumentLookup instruments,
        RestClientOptions? options = null,
        TimeProvider? clock = null,
        ILogger? logger = null,
        Func<double>? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoints);
        _instruments = instruments ?? throw new ArgumentNullException(nameof(instruments));
        _options = options ?? new RestClientOptions();
        _clock = clock ?? TimeProvider.System;
        _log = logger ?? NullLogger.Instance;
        Signer = credentials is null ? null : new BybitSigner(credentials);
        var protocol = new BybitProtocol(endpoints.RestBaseUrl, Signer, _options.RecvWindowMs, _options.DefaultRateLimitBackoff, _options.MaxRateLimitBackoff, _log);
        _executor = new RestExecutor(
            protocol,
            new RestTransport(http, _clock, _options.RequestTimeout, _log, protocol.Name),
            new RateLimitGate(_clock, _options.RequestsPerSecond, _options.RequestBurst),
            new ServerClock(_clock),
            new RestResilience(_options, _clock, _log, protocol.Name, jitter),
            _options,
            _log);
    }

    /// <inheritdoc />
    public ExchangeKind Exchange => ExchangeKind.Bybit;

    /// <inheritdoc />
    public long ServerTimeOffsetMs => _executor.Clock.OffsetMs;

    /// <summary>The server clock used to stamp signed requests (shared with the private stream's auth expiry).</summary>
    public ServerClock ServerClock => _executor.Clock;

    /// <summary>The rate-limit gate (for diagnostics).</summary>
    public RateLimitGate RateLimits => _executor.Gate;

    internal BybitSigner? Signer { get; }

    /// <inheritdoc />
    public Task<ExchangeResult<ServerTimeInfo>> SyncServerTimeAsync(CancellationToken ct = default) => _executor.SyncTimeAsync(ct);

    private Task<ExchangeResult<T>> GetAsync<T>(string path, string query, bool signed, Func<JsonElement, T> parse, CancellationToken ct) =>
        _executor.SendAsync(new RestCall(HttpMethod.Get, path, query, signed: signed, idempotent: true, rateKey: signed ? path : "public"), parse, ct);

    private Task<ExchangeResult<T>> PostAsync<T>(string path, string body, Func<JsonElement, T> parse, CancellationToken ct, bool protective = false) =>
        _executor.SendAsync(new RestCall(HttpMethod.Post, path, jsonBody: body, signed: true, idempotent: false) { Protective = protective }, parse, ct);

    private bool TryGetSpec<T>(string symbol, out InstrumentSpec spec, out int symbolId, out ExchangeResult<T> failure)
    {
        if (_instruments.TryGet(symbol, out var found, out symbolId))
        {
            spec = found;
            failure = null!;
            return true;
        }
        spec = null!;
        failure = ExchangeResult<T>.Fail(ExchangeError.Local("unknown instrument " + symbol));
        return false;
    }

    private long NowMs() => _clock.GetUnixTimeMs();

    /// <summary>Follows <c>nextPageCursor</c> until the last page (at most <see cref="MaxPages"/> pages).</summary>
    private async Task<ExchangeResult<IReadOnlyList<T>>> GetPagesAsync<T>(
        string path, Func<string, string> query, bool signed, Func<JsonElement, (List<T> Items, string Cursor)> parse, CancellationToken ct)
    {
        var all = new List<T>();
        string cursor = "";
        string? raw = null;
        for (int page = 0; page < MaxPages; page++)
        {
            var result = await GetAsync(path, query(cursor), signed, parse, ct).ConfigureAwait(false);
            if (!result.Success) return result.AsFailure<IReadOnlyList<T>>();
            raw ??= result.Raw;
            all.AddRange(result.Data.Items);
            cursor = result.Data.Cursor;
            if (cursor.Length == 0) break;
        }
        return ExchangeResult<IReadOnlyList<T>>.Ok(all, raw);
    }

    private static (List<T> Items, string Cursor) ListPage<T>(JsonElement result, Func<JsonElement, T> item)
    {
        result.RequireObject("result");
        var list = new List<T>();
        foreach (var e in result.Items("list")) list.Add(item(e));
        return (list, result.Str("nextPageCursor"));
    }
}
