using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
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

namespace Smallfish.Exchanges.Bybit;

/// <summary>
/// Bybit v5 REST plumbing: X-BAPI-* signing of the exact query/body, the <c>retCode</c> envelope (HTTP 200 carries
/// business errors), and the <c>X-Bapi-Limit-*</c> rate-limit headers (bybit-v5.md sections 2, 3, 6).
/// </summary>
internal sealed class BybitProtocol : IVenueProtocol
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly string _baseUrl;
    private readonly BybitSigner? _signer;
    private readonly int _recvWindowMs;
    private readonly TimeSpan _defaultBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly ILogger _log;

    public BybitProtocol(Uri baseUrl, BybitSigner? signer, int recvWindowMs, TimeSpan defaultBackoff, TimeSpan maxBackoff, ILogger log)
    {
        _baseUrl = baseUrl.GetLeftPart(UriPartial.Authority);
        _signer = signer;
        _recvWindowMs = recvWindowMs;
        _defaultBackoff = defaultBackoff;
        _maxBackoff = maxBackoff;
        _log = log;
    }

    public string Name => "bybit";

    public RestCall ServerTimeCall { get; } = new(HttpMethod.Get, "/v5/market/time", rateKey: "public");

    public long ParseServerTime(JsonElement payload) => BybitMarketParser.ParseServerTimeMs(payload);

    public HttpRequestMessage Build(RestCall call, long timestampMs)
    {
        string url = call.Query.Length == 0 ? _baseUrl + call.Path : _baseUrl + call.Path + "?" + call.Query;
        var request = new HttpRequestMessage(call.Method, new Uri(url, UriKind.Absolute));
        if (call.JsonBody is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(call.JsonBody));
            content.Headers.ContentType = JsonContentType;
            request.Content = content;
        }
        if (call.Signed)
        {
            if (_signer is null) throw new InvalidOperationException("this Bybit client has no API credentials");
            string payload = call.Method == HttpMethod.Get ? call.Query : call.JsonBody ?? "";
            _signer.ApplyHeaders(request, timestampMs, _recvWindowMs, payload);
        }
        return request;
    }

    public ExchangeResult<T> Interpret<T>(RestResponse response, Func<JsonElement, T> parse)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("retCode", out var codeElement))
            {
                int code = checked((int)JsonFields.ToLong(codeElement, "retCode"));
                if (code != 0)
                {
                    var info = BybitErrorMap.Instance.Classify(code);
                    return ExchangeResult<T>.Fail(new ExchangeError(code, root.Str("retMsg"), info.Reject, info.IsTransient, response.StatusCode, info.OutcomeUnknown), response.Body);
                }
                if (response.IsHttpSuccess) return ExchangeResult<T>.Ok(ModelGuard.Checked(parse(root.Obj("result"))), response.Body);
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
        string? remaining = response.Header("X-Bapi-Limit-Status");
        string? reset = response.Header("X-Bapi-Limit-Reset-Timestamp");
        bool limited = result.RejectReason == RejectReason.RateLimited;
        if (!limited && remaining != "0") return;

        long nowLocal = clock.LocalNowMs();
        long untilLocal = long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out long resetServerMs)
            ? clock.ToLocalMs(resetServerMs)
            : nowLocal + (long)_defaultBackoff.TotalMilliseconds;
        if (limited && untilLocal <= nowLocal) untilLocal = nowLocal + (long)_defaultBackoff.TotalMilliseconds;
        untilLocal = Math.Min(untilLocal, nowLocal + (long)_maxBackoff.TotalMilliseconds);
        if (untilLocal <= nowLocal) return;
        gate.BlockUntil(call.RateKey, DateTimeOffset.FromUnixTimeMilliseconds(untilLocal));
        RestLog.RateLimited(_log, Name, call.RateKey, untilLocal - nowLocal);
    }

    private static ExchangeResult<T> HttpFailure<T>(RestResponse response)
    {
        var info = BybitErrorMap.Instance.ClassifyHttp(response.StatusCode);
        return ExchangeResult<T>.Fail(new ExchangeError(null, "HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture), info.Reject, info.IsTransient, response.StatusCode, info.OutcomeUnknown), response.Body);
    }
}
