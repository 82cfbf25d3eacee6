using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Resilience;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Binance;

/// <summary>Binance USD-M futures REST client (binance-usdm.md). See <see cref="IExchangeRestClient"/> for the contract.</summary>
public sealed partial class BinanceRestClient : IExchangeRestClient, IListenKeyClient
{
    private readonly RestExecutor _executor;
    private readonly IInstrumentLookup _instruments;
    private readonly RestClientOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    /// <summary>Creates a client. <paramref name="credentials"/> may be null for public data only.</summary>
    public BinanceRestClient(
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
        var signer = credentials is null ? null : new BinanceSigner(credentials);
        var protocol = new BinanceProtocol(endpoints.RestBaseUrl, signer, _options.RecvWindowMs, _options.DefaultRateLimitBackoff,
            _options.MaxRateLimitBackoff, _options.BinanceWeightPerMinute, _options.BinanceWeightSlowdownRatio, _log);
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
    public ExchangeKind Exchange => ExchangeKind.Binance;

    /// <inheritdoc />
    public long ServerTimeOffsetMs => _executor.Clock.OffsetMs;

    /// <summary>The server clock used to stamp signed requests.</summary>
    public ServerClock ServerClock => _executor.Clock;

    /// <summary>The rate-limit gate (for diagnostics).</summary>
    public RateLimitGate RateLimits => _executor.Gate;

    /// <inheritdoc />
    public Task<ExchangeResult<ServerTimeInfo>> SyncServerTimeAsync(CancellationToken ct = default) => _executor.SyncTimeAsync(ct);

    private Task<ExchangeResult<T>> SendAsync<T>(HttpMethod method, string path, string query, bool signed, bool idempotent, Func<JsonElement, T> parse, CancellationToken ct,
        bool protective = false) =>
        _executor.SendAsync(new RestCall(method, path, query, signed: signed, idempotent: idempotent, rateKey: BinanceProtocol.WeightKey) { Protective = protective }, parse, ct);

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

    private static ExchangeResult<IReadOnlyList<T>> AsList<T>(ExchangeResult<List<T>> r) =>
        r.Success ? ExchangeResult<IReadOnlyList<T>>.Ok(r.Data, r.Raw) : r.AsFailure<IReadOnlyList<T>>();

    private static List<T> ParseArray<T>(JsonElement root, Func<JsonElement, T> item)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new FormatException("expected an array");
        var list = new List<T>();
        foreach (var e in root.EnumerateArray()) list.Add(item(e));
        return list;
    }
}
