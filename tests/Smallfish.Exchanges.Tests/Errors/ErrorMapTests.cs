using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Http;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Errors;

/// <summary>The per-venue error tables, driven by the recorded error fixtures and the documented HTTP statuses.</summary>
public sealed class ErrorMapTests
{
    private static readonly Dictionary<string, string> NoHeaders = new();

    [TestCase("reduce_only_110017", 110017, RejectReason.ReduceOnlyViolated, false)]
    [TestCase("position_idx_10001", 10001, RejectReason.Other, false)]
    public void Interpret_BybitErrorEnvelopeFixture_MapsCode(string entry, int code, RejectReason reject, bool transient)
    {
        var result = Bybit(200, SharedFolder.MessageEntry("bybit/rest_error_examples.json", entry));
        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorCode, Is.EqualTo(code));
        Assert.That(result.RejectReason, Is.EqualTo(reject));
        Assert.That(result.IsTransient, Is.EqualTo(transient));
        Assert.That(result.Message, Is.Not.Empty);
    }

    [TestCase("timestamp_10002_msg")]
    [TestCase("timestamp_10002_ahead_msg")]
    public void Interpret_BybitTimestampMessages_AreTimestampOutOfWindow(string entry)
    {
        string message = JsonSerializer.Deserialize<string>(SharedFolder.MessageEntry("bybit/rest_error_examples.json", entry))!;
        var result = Bybit(200, JsonSerializer.Serialize(new { retCode = 10002, retMsg = message, result = new { }, retExtInfo = new { }, time = 1 }));
        Assert.That(result.RejectReason, Is.EqualTo(RejectReason.TimestampOutOfWindow));
        Assert.That(result.Message, Is.EqualTo(message));
    }

    [Test]
    public void Classify_BybitNotModifiedCodes_AreBenign()
    {
        Assert.That(BybitErrorMap.Instance.Classify(110025).IsBenign, Is.True); // fixture: "Position mode is not modified"
        Assert.That(BybitErrorMap.Instance.Classify(110043).IsBenign, Is.True);
        Assert.That(BybitErrorMap.Instance.Classify(110017).IsBenign, Is.False);
    }

    [Test]
    public void Parse_BybitWsAuthParamsErrorFixture_IsAuthFailed()
    {
        var sink = new RecordingPrivateSink();
        var kind = BybitPrivateMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(SharedFolder.MessageEntry("bybit/rest_error_examples.json", "ws_auth_params_error")), sink);
        Assert.That(kind, Is.EqualTo(PrivateFrameKind.Control));
        Assert.That(sink.Controls, Is.EqualTo(new[] { (PrivateControlKind.AuthFailed, (string?)"Params Error") }));
    }

    [TestCase(10000, RejectReason.Transient, true, true)]
    [TestCase(10002, RejectReason.TimestampOutOfWindow, false, false)]
    [TestCase(10003, RejectReason.AuthFailed, false, false)]
    [TestCase(10004, RejectReason.AuthFailed, false, false)]
    [TestCase(10006, RejectReason.RateLimited, true, false)]
    [TestCase(10016, RejectReason.Transient, true, true)]
    [TestCase(110001, RejectReason.OrderNotFound, false, false)]
    [TestCase(110003, RejectReason.InvalidPriceOrQty, false, false)]
    [TestCase(110007, RejectReason.InsufficientMargin, false, false)]
    [TestCase(110012, RejectReason.InsufficientMargin, false, false)]
    [TestCase(110072, RejectReason.DuplicateClientOrderId, false, false)]
    [TestCase(110094, RejectReason.InvalidPriceOrQty, false, false)]
    [TestCase(110079, RejectReason.Transient, true, false)]
    [TestCase(999999, RejectReason.Other, false, false)]
    public void Classify_BybitCodes_MatchDocTable(int code, RejectReason reject, bool transient, bool unknown)
    {
        var info = BybitErrorMap.Instance.Classify(code);
        Assert.That((info.Reject, info.IsTransient, info.OutcomeUnknown), Is.EqualTo((reject, transient, unknown)));
    }

    [TestCase("EC_PostOnlyWillTakeLiquidity", RejectReason.PostOnlyWouldTake)]
    [TestCase("EC_NoImmediateQtyToFill", RejectReason.NoLiquidity)]
    [TestCase("EC_OrigClOrdIDDoesNotExist", RejectReason.OrderNotFound)]
    [TestCase("EC_NoError", RejectReason.None)]
    [TestCase("EC_BySelfMatch", RejectReason.Other)]
    public void ClassifyRejectReason_BybitOrderReasons_Map(string text, RejectReason expected) =>
        Assert.That(BybitErrorMap.ClassifyRejectReason(text), Is.EqualTo(expected));

    [TestCase(503, RejectReason.Transient, true, true)]
    [TestCase(500, RejectReason.Transient, true, true)]
    [TestCase(429, RejectReason.RateLimited, true, false)]
    [TestCase(403, RejectReason.RateLimited, false, false)]
    [TestCase(401, RejectReason.AuthFailed, false, false)]
    public void Interpret_BybitHttpStatusWithoutEnvelope_MapsStatus(int status, RejectReason reject, bool transient, bool unknown)
    {
        var result = Bybit(status, "<html>error</html>");
        Assert.That((result.RejectReason, result.IsTransient, result.Error!.OutcomeUnknown, result.Error.HttpStatus), Is.EqualTo((reject, transient, unknown, status)));
    }

    [TestCase("gtx_would_take_-5022", 400, RejectReason.PostOnlyWouldTake, false)]
    [TestCase("limit_maker_on_futures_-1116", 400, RejectReason.Other, false)]
    [TestCase("listen_key_refresh_-2014", 400, RejectReason.AuthFailed, false)]
    [TestCase("invalid_symbol_-1121", 400, RejectReason.Other, false)]
    [TestCase("timestamp_outside_recv_window_-1021", 400, RejectReason.TimestampOutOfWindow, false)]
    [TestCase("timestamp_ahead_-1021", 400, RejectReason.TimestampOutOfWindow, false)]
    [TestCase("bad_signature_-1022", 400, RejectReason.AuthFailed, false)]
    [TestCase("reduce_only_rejected_-2022", 400, RejectReason.ReduceOnlyViolated, false)]
    [TestCase("unknown_order_on_cancel_-2011", 400, RejectReason.OrderNotFound, false)]
    [TestCase("margin_insufficient_-2019", 400, RejectReason.InsufficientMargin, false)]
    [TestCase("would_immediately_trigger_-2021", 400, RejectReason.InvalidPriceOrQty, false)]
    [TestCase("stop_order_switch_algo_-4120", 400, RejectReason.Other, false)]
    [TestCase("min_notional_-4164", 400, RejectReason.InvalidPriceOrQty, false)]
    [TestCase("listen_key_missing_-1125", 400, RejectReason.Other, false)]
    [TestCase("throttled_-1008", 503, RejectReason.Transient, true)]
    public void Interpret_BinanceErrorFixture_MapsCode(string entry, int status, RejectReason reject, bool transient)
    {
        string body = SharedFolder.MessageEntry("binance/rest_error_examples.json", entry);
        using var doc = JsonDocument.Parse(body);
        var result = Binance(status, body);
        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorCode, Is.EqualTo(doc.RootElement.GetProperty("code").GetInt32()));
        Assert.That(result.Message, Is.EqualTo(doc.RootElement.GetProperty("msg").GetString()));
        Assert.That((result.RejectReason, result.IsTransient), Is.EqualTo((reject, transient)));
        Assert.That(result.Error!.OutcomeUnknown, Is.False, "a coded answer means the venue decided");
    }

    [TestCase(503, "{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}", RejectReason.Transient, true, true)]
    [TestCase(503, "Service Unavailable.", RejectReason.Transient, true, true)]
    [TestCase(408, "", RejectReason.Transient, true, true)]
    [TestCase(429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", RejectReason.RateLimited, true, false)]
    [TestCase(418, "{\"code\":-1003,\"msg\":\"banned until 1700000000000\"}", RejectReason.RateLimited, true, false)]
    [TestCase(418, "", RejectReason.RateLimited, false, false)]
    public void Interpret_BinanceHttpStatus_MapsStatus(int status, string body, RejectReason reject, bool transient, bool unknown)
    {
        var result = Binance(status, body);
        Assert.That((result.RejectReason, result.IsTransient, result.Error!.OutcomeUnknown), Is.EqualTo((reject, transient, unknown)));
    }

    [Test]
    public void Interpret_BinanceCancelAllSuccessWithCode200_IsSuccess()
    {
        var result = Binance(200, SharedFolder.Message("binance/rest_cancel_all_open_orders_response.json"));
        Assert.That(result.Success, Is.True);
    }

    private static ExchangeResult<bool> Bybit(int status, string body) =>
        new BybitProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), NullLogger.Instance)
            .Interpret(new RestResponse(status, body, NoHeaders, 0, 0), _ => true);

    private static ExchangeResult<bool> Binance(int status, string body) =>
        new BinanceProtocol(new Uri("http://127.0.0.1"), null, 5000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 2400, 0.9, NullLogger.Instance)
            .Interpret(new RestResponse(status, body, NoHeaders, 0, 0), _ => true);
}
