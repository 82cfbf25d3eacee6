using System.Globalization;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Exchanges.Authentication;

namespace Smallfish.Emulator.Bybit;

/// <summary>
/// Bybit v5 REST conventions (bybit-v5.md sections 2 to 6): X-BAPI-* HMAC over timestamp + key + recvWindow + exact
/// query or body, the acceptance window <c>server - recvWindow &lt;= timestamp &lt; server + 1000</c>, retCode errors,
/// and the X-Bapi-Limit headers on every answer.
/// </summary>
internal sealed class BybitRestSurface : IRestSurface
{
    private readonly VenueEmulatorOptions _options;
    private readonly BybitSigner _signer;
    private readonly RateWindow _limits = new(1000);
    private readonly BybitMarketHandlers _market;
    private readonly BybitTradeHandlers _trade;
    private readonly BybitAccountHandlers _account;

    public BybitRestSurface(EmulatorVenue venue, BybitPublisher publisher, VenueEmulatorOptions options)
    {
        _options = options;
        _signer = new BybitSigner(new ApiCredentials(options.ApiKey, options.ApiSecret));
        _market = new BybitMarketHandlers(venue, publisher, options);
        _trade = new BybitTradeHandlers(venue);
        _account = new BybitAccountHandlers(venue, options);
    }

    public void Map(RestRouter router)
    {
        router.Current = this;
        _market.Map(router);
        _trade.Map(router);
        _account.Map(router);
        router.Current = null;
    }

    public RestReply? Authenticate(RestRequest request, RestSecurity security)
    {
        if (security == RestSecurity.None) return null;
        string key = request.Header(BybitSigner.ApiKeyHeader), ts = request.Header(BybitSigner.TimestampHeader);
        string recv = request.Header(BybitSigner.RecvWindowHeader), sign = request.Header(BybitSigner.SignHeader);
        if (key.Length == 0 || ts.Length == 0 || sign.Length == 0) return BybitReplies.Error(BybitReplies.InvalidKey, "API key is invalid.", request.NowMs);
        if (key != _options.ApiKey) return BybitReplies.Error(BybitReplies.InvalidKey, "API key is invalid.", request.NowMs);
        if (!long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)) return BybitReplies.Error(BybitReplies.ParamsError, "invalid timestamp", request.NowMs);
        int window = 5000;
        if (recv.Length > 0 && !int.TryParse(recv, NumberStyles.None, CultureInfo.InvariantCulture, out window)) return BybitReplies.Error(BybitReplies.ParamsError, "invalid recv_window", request.NowMs);
        string payload = request.Method == "GET" ? request.Query : request.Body;
        string expected = _signer.SignRequest(timestamp, window, payload);
        if (!SignatureCheck.HexEquals(expected, sign, ignoreCase: false))
            return BybitReplies.Error(BybitReplies.SignError, "error sign! origin_string[" + timestamp.ToString(CultureInfo.InvariantCulture) + key + recv + "...]", request.NowMs);
        long server = request.NowMs;
        if (!(server - window <= timestamp && timestamp < server + 1000))
        {
            return BybitReplies.Error(BybitReplies.TimestampError, string.Create(CultureInfo.InvariantCulture,
                $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{server}],recv_window[{window}]"), request.NowMs);
        }
        return null;
    }

    public RestReply ServerError(RestRequest request, int status) =>
        RestReply.Text(status, "<html><head><title>" + status.ToString(CultureInfo.InvariantCulture) + " Service Temporarily Unavailable</title></head></html>");

    public RestReply RateLimited(RestRequest request, RestFault fault)
    {
        long reset = request.NowMs + (long)fault.ResetAfter.TotalMilliseconds;
        return BybitReplies.Error(BybitReplies.TooManyVisits, "Too many visits!", request.NowMs)
            .With("X-Bapi-Limit", Limit(request.Path).ToString(CultureInfo.InvariantCulture))
            .With("X-Bapi-Limit-Status", "0")
            .With("X-Bapi-Limit-Reset-Timestamp", reset.ToString(CultureInfo.InvariantCulture));
    }

    public RestReply BadRequest(RestRequest request, string message) => BybitReplies.Error(BybitReplies.ParamsError, "params error: " + message, request.NowMs);

    public void Decorate(RestRequest request, RestReply reply)
    {
        if (!request.Path.StartsWith("/v5/order", StringComparison.Ordinal) && !request.Path.StartsWith("/v5/position", StringComparison.Ordinal)
            && !request.Path.StartsWith("/v5/account", StringComparison.Ordinal) && !request.Path.StartsWith("/v5/execution", StringComparison.Ordinal)) return;
        int limit = Limit(request.Path);
        var (used, resetMs) = _limits.Add(request.Path, request.NowMs, 1);
        int remaining = Math.Max(0, limit - used);
        reply.With("X-Bapi-Limit", limit.ToString(CultureInfo.InvariantCulture))
            .With("X-Bapi-Limit-Status", remaining.ToString(CultureInfo.InvariantCulture))
            .With("X-Bapi-Limit-Reset-Timestamp", (remaining == 0 ? resetMs : request.NowMs).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Per-UID per-second limits of the linear column (bybit-v5.md section 4): 10 for writes, 50 for queries.</summary>
    private static int Limit(string path) => path is "/v5/order/realtime" or "/v5/order/history" or "/v5/execution/list" or "/v5/position/list" or "/v5/account/wallet-balance" ? 50 : 10;
}
