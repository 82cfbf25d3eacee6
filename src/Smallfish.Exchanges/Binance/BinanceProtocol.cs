using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Binance USD-M REST plumbing (binance-usdm.md sections 2, 3): every parameter goes in the query string;
/// <c>recvWindow</c> and <c>timestamp</c> are appended, then <c>signature</c> last, over the exact encoded string.
/// Success is a bare JSON body; errors are HTTP 4xx/5xx with <c>{code,msg}</c>. Rate limits: 429/418 with
/// <c>Retry-After</c>, and <c>X-MBX-USED-WEIGHT-1M</c> on every answer.
/// </summary>
internal sealed class BinanceProtocol : IVenueProtocol
{
    /// <summary>Binance weight limits are per IP: one bucket for all calls.</summary>
    public const string WeightKey = "weight";

    private readonly string _baseUrl;
    private readonly BinanceSigner? _signer;
    private readonly int _recvWindowMs;
    private readonly TimeSpan _defaultBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly int _weightLimit;
    private readonly double _slowdownRatio;
    private readonly ILogger _log;

    public BinanceProtocol(Uri baseUrl, BinanceSigner? signer, int recvWindowMs, TimeSpan defaultBackoff, TimeSpan maxBackoff, int weightLimit, double slowdownRatio, ILogger log)
    {
        _baseUrl = baseUrl.GetLeftPart(UriPartial.Authority);
        _signer = signer;
        _recvWindowMs = recvWindowMs;
        _defaultBackoff = defaultBackoff;
        _maxBackoff = maxBackoff;
        _weightLimit = weightLimit;
        _slowdownRatio = slowdownRatio;
        _log = log;
    }

    public string Name => "binance";

    public RestCall ServerTimeCall { get; } = new(HttpMethod.Get, "/fapi/v1/time", rateKey: WeightKey);

    public long ParseServerTime(JsonElement payload) => BinanceMarketParser.ParseServerTimeMs(payload);

    /// <summary>The signed query: parameters, then <c>recvWindow</c> and <c>timestamp</c>, then <c>signature</c>.</summary>
    public string SignedQuery(string query, long timestampMs)
    {
        if (_signer is null) throw new InvalidOperationException("this Binance client has no API credentials");
        string suffix = "recvWindow=" + _recvWindowMs.ToString(CultureInfo.InvariantCulture) + "&timestamp=" + timestampMs.ToString(CultureInfo.InvariantCulture);
        return _signer.AppendSignature(query.Length == 0 ? suffix : query + "&" + suffix);
    }

    public HttpRequestMessage Build(RestCall call, long timestampMs)
    {
        string query = call.Signed ? SignedQuery(call.Query, timestampMs) : call.Query;
        string url = query.Length == 0 ? _baseUrl + call.Path : _baseUrl + call.Path + "?" + query;
        var request = new HttpRequestMessage(call.Method, new Uri(url, UriKind.Absolute));
        if (call.Signed || call.ApiKeyOnly)
        {
            if (_signer is null) throw new InvalidOperationException("this Binance client has no API credentials");
            _signer.ApplyApiKey(request);
        }
        return request;
    }

    public ExchangeResult<T> Interpret<T>(RestResponse response, Func<JsonElement, T> parse)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            var root = doc.RootElement;
            if (response.IsHttpSuccess) return ExchangeResult<T>.Ok(ModelGuard.Checked(parse(root)), response.Body);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var codeElement))
            {
                int code = checked((int)JsonFields.ToLong(codeElement, "code"));
                // On 5xx only the explicit "throttled" code says the request was not executed; anything else is unknown.
                var info = response.StatusCode >= 500 && code != -1008
                    ? BinanceErrorMap.Instance.ClassifyHttp(response.StatusCode)
                    : BinanceErrorMap.Instance.Classify(code);
                if (info.Reject == RejectReason.Other && response.StatusCode is 429 or 418) info = BinanceErrorMap.Instance.ClassifyHttp(response.StatusCode);
                return ExchangeResult<T>.Fail(new ExchangeError(code, root.Str("msg"), info.Reject, info.IsTransient, response.StatusCode, info.OutcomeUnknown), response.Body);
            }
            return HttpFailure<T>(response);
        }
        catch (Exception ex) when (ParseGuard.IsMalformedPayload(ex))
        {
            return response.IsHttpSuccess
                ? ExchangeResult<T>.Fail(ExchangeError.Malformed("unreadable answer: " + ex.Message, response.StatusCode), response.Body)
                : HttpFailure<T>(response);
        }
    }

    public void ObserveRateLimits(RestCall call, RestResponse response, IExchangeResult result, RateLimitGate gate, ServerClock clock)
    {
        long nowLocal = clock.LocalNowMs();
        long untilLocal = 0;
        if (response.StatusCode is 429 or 418 || result.RejectReason == RejectReason.RateLimited)
        {
            untilLocal = long.TryParse(response.Header("Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                ? nowLocal + seconds * 1000
                : nowLocal + (long)_defaultBackoff.TotalMilliseconds;
        }
        else if (int.TryParse(response.Header("X-MBX-USED-WEIGHT-1M"), NumberStyles.None, CultureInfo.InvariantCulture, out int used)
                 && _weightLimit > 0 && used >= _weightLimit * _slowdownRatio)
        {
            long serverNow = clock.NowMs();
            untilLocal = clock.ToLocalMs((serverNow / 60_000 + 1) * 60_000); // the 1-minute weight window resets on the minute
        }
        if (untilLocal <= nowLocal) return;
        untilLocal = Math.Min(untilLocal, nowLocal + (long)_maxBackoff.TotalMilliseconds);
        gate.BlockUntil(WeightKey, DateTimeOffset.FromUnixTimeMilliseconds(untilLocal));
        RestLog.RateLimited(_log, Name, WeightKey, untilLocal - nowLocal);
    }

    private static ExchangeResult<T> HttpFailure<T>(RestResponse response)
    {
        var info = BinanceErrorMap.Instance.ClassifyHttp(response.StatusCode);
        return ExchangeResult<T>.Fail(new ExchangeError(null, "HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture), info.Reject, info.IsTransient, response.StatusCode, info.OutcomeUnknown), response.Body);
    }
}
