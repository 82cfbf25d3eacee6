using System.Globalization;
using Smallfish.Emulator.Faults;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Exchanges.Authentication;

namespace Smallfish.Emulator.Binance;

/// <summary>
/// Binance USD-M REST conventions (binance-usdm.md sections 2, 3): <c>X-MBX-APIKEY</c>, HMAC-SHA256 hex over
/// <c>totalParams</c> (query concatenated with the body, the signature excluded and last), the window
/// <c>timestamp &lt; server + 1000 and server - timestamp &lt;= recvWindow</c>, <c>{code,msg}</c> errors with HTTP
/// statuses, 429 + <c>Retry-After</c>, and <c>X-MBX-USED-WEIGHT-1M</c> on every answer.
/// </summary>
internal sealed class BinanceRestSurface : IRestSurface
{
    private readonly VenueEmulatorOptions _options;
    private readonly BinanceSigner _signer;
    private readonly RateWindow _weight = new(60_000);
    private readonly BinanceMarketHandlers _market;
    private readonly BinanceTradeHandlers _trade;
    private readonly BinanceAccountHandlers _account;

    public BinanceRestSurface(EmulatorVenue venue, BinancePublisher publisher, VenueEmulatorOptions options)
    {
        _options = options;
        _signer = new BinanceSigner(new ApiCredentials(options.ApiKey, options.ApiSecret));
        _market = new BinanceMarketHandlers(venue, publisher);
        _trade = new BinanceTradeHandlers(venue);
        _account = new BinanceAccountHandlers(venue, publisher, options);
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
        if (request.Header(BinanceSigner.ApiKeyHeader) != _options.ApiKey)
            return BinanceReplies.Error(401, -2015, "Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1");
        if (security == RestSecurity.ApiKey) return null;
        if (!TrySplitSignature(request.Query, request.Body, out string signed, out string signature)) return BinanceReplies.Mandatory("signature");
        if (!SignatureCheck.HexEquals(_signer.Sign(signed), signature, ignoreCase: true)) return BinanceReplies.Error(400, -1022, "Signature for this request is not valid.");
        if (!long.TryParse(request.Param("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)) return BinanceReplies.Mandatory("timestamp");
        long window = 5000;
        if (request.Param("recvWindow") is { } w && !long.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out window)) return BinanceReplies.Mandatory("recvWindow");
        long server = request.NowMs;
        if (timestamp >= server + 1000) return BinanceReplies.Error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        if (server - timestamp > window) return BinanceReplies.Error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        return null;
    }

    public RestReply ServerError(RestRequest request, int status) =>
        BinanceReplies.Error(status, -1000, status == 503 ? "Unknown error, please check your request or try again later." : "An unknown error occurred while processing the request.");

    public RestReply RateLimited(RestRequest request, RestFault fault)
    {
        long seconds = Math.Max(1, (long)Math.Ceiling(fault.ResetAfter.TotalSeconds));
        return BinanceReplies.Error(429, -1003, "Too many requests; current limit of IP is 2400 requests per minute.")
            .With("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            .With("X-MBX-USED-WEIGHT-1M", "2400");
    }

    public RestReply BadRequest(RestRequest request, string message) => BinanceReplies.Error(400, -1102, "A mandatory parameter was not sent, was empty/null, or malformed: " + message);

    public void Decorate(RestRequest request, RestReply reply)
    {
        var (used, _) = _weight.Add("weight", request.NowMs, Weight(request));
        reply.With("X-MBX-USED-WEIGHT-1M", used.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Splits the signature off the exact wire text: it must be the last parameter, of the query or (when the query
    /// has none) of the body; the signed text is everything else, query and body concatenated without a separator.
    /// </summary>
    internal static bool TrySplitSignature(string query, string body, out string signed, out string signature)
    {
        signed = signature = "";
        if (TryTake(query, out string rest, out signature))
        {
            signed = rest + body;
            return true;
        }
        if (TryTake(body, out rest, out signature))
        {
            signed = query + rest;
            return true;
        }
        return false;

        static bool TryTake(string text, out string rest, out string sig)
        {
            rest = sig = "";
            int at = text.StartsWith("signature=", StringComparison.Ordinal) ? 0 : text.LastIndexOf("&signature=", StringComparison.Ordinal);
            if (at < 0) return false;
            int start = text.IndexOf('=', at) + 1;
            sig = text[start..];
            if (sig.Length == 0 || sig.Contains('&', StringComparison.Ordinal)) return false; // not last
            rest = at == 0 ? "" : text[..at];
            return true;
        }
    }

    /// <summary>Request weights of binance-usdm.md section 4 (orders cost no IP weight).</summary>
    private static int Weight(RestRequest request) => request.Path switch
    {
        "/fapi/v1/depth" => int.TryParse(request.Param("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out int l)
            ? l <= 50 ? 2 : l <= 100 ? 5 : l <= 500 ? 10 : 20 : 10,
        "/fapi/v1/aggTrades" => 20,
        "/fapi/v3/positionRisk" or "/fapi/v2/positionRisk" or "/fapi/v3/balance" or "/fapi/v2/balance" => 5,
        "/fapi/v1/openOrders" => request.Param("symbol") is null ? 40 : 1,
        "/fapi/v1/ticker/24hr" => request.Param("symbol") is null ? 40 : 1,
        "/fapi/v1/premiumIndex" => request.Param("symbol") is null ? 10 : 1,
        "/fapi/v1/order" or "/fapi/v1/algoOrder" when request.Method is "POST" or "PUT" => 0,
        _ => 1,
    };
}
