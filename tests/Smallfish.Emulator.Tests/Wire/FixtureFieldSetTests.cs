using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Emulator.Tests.Support;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Tests.Wire;

/// <summary>
/// Writer output for the fixtures' kind of message carries the fixtures' field set (shared/protocols/fixtures): every
/// field the venue documents is there, and nothing the venue does not send, except the listed, explained differences.
/// </summary>
public sealed class FixtureFieldSetTests
{
    private static readonly Core.Instruments.InstrumentSpec Btc = TestInstruments.Btc;

    private static readonly WireOrder LinearOrder = new("BTCUSDT", "YLxaWKMiHU", 1_000_001, "14bad3a1-6454-43d8-bcf2-5345896cf74d", Side.Buy, OrderType.Limit,
        TimeInForce.PostOnly, OrderStatus.Expired, 268_644, 3, 0, 0, 0, 0, false, false, RejectReason.PostOnlyWouldTake, WireStopKind.None, 1_684_476_068_369, 1_684_476_068_372);

    private static readonly WireExecution Execution = new(1, "0ab1bdf7", 959_001, 500, 26.37m, 0.00055m, false, 1_746_270_400_353, 500, 0.05m, 140_612_148_849_382, 959_014);

    private static readonly WirePosition Position = new("BTCUSDT", 0, 0, 28_184.5m, 10, 0, 1.26m, -25.06579337m, 0, 0, 0, 0, 1_694_402_496_913, 1_697_682_317_038, 8_327_597_863);

    private static readonly WireWallet Wallet = new("USDT", 9_684.46297164m, 0, 9_556.6056555m, 0, 0, 0, 0, 1_700_034_722_104);

    public static IEnumerable<TestCaseData> Cases()
    {
        var book = Venues.Snapshot(0, 600_000, 2);
        yield return Case("bybit/ws_orderbook50_snapshot.json", Frames.Write(w => BybitFrameWriter.WriteOrderBook(w, Btc, 50, book, 1, 1)));
        yield return Case("bybit/ws_orderbook50_delta.json", Frames.Write(w => BybitFrameWriter.WriteOrderBook(w, Btc, 50, Venues.Delta(0, 2, new[] { (1L, 1L) }, new[] { (2L, 0L) }), 1, 1)));
        yield return Case("bybit/ws_public_trade.json", Frames.Write(w => BybitFrameWriter.WritePublicTrades(w, Btc, new[] { new BybitTradePrint(new TradeEvent(0, 1, 0, 1, 1, Side.Buy, 1), BybitTickDirection.PlusTick, 1) }, 1)));
        yield return Case("bybit/ws_tickers_linear_perp_snapshot.json", Frames.Write(w => BybitFrameWriter.WriteTicker(w, Btc, default, BybitTickDirection.MinusTick, true, 1, 1)));
        yield return Case("bybit/ws_execution_linear.json", Frames.Write(w => BybitPrivateFrameWriter.WriteExecution(w, LinearOrder, Execution, Btc, "1", 1)));
        yield return Case("bybit/ws_position_linear.json", Frames.Write(w => BybitPrivateFrameWriter.WritePosition(w, Position, Btc, "1", 1)));
        yield return Case("bybit/ws_wallet.json", Frames.Write(w => BybitPrivateFrameWriter.WriteWallet(w, Wallet, "1", 1)));
        yield return Case("bybit/rest_order_history_postonly_cancelled.json", Frames.Object(w => BybitObjectWriter.WriteOrder(w, LinearOrder, Btc, webSocket: false)), "result.list[]");
        yield return Case("bybit/rest_execution_list.json", Frames.Object(w => BybitObjectWriter.WriteExecution(w, LinearOrder, Execution, Btc, webSocket: false)), "result.list[]");

        var delta = Venues.Delta(0, 160, new[] { (1L, 1L) }, new[] { (2L, 1L) });
        yield return Case("binance/ws_depth_update_diff.json", Frames.Write(w => BinanceFrameWriter.WriteDepthUpdate(w, Btc, delta, 1, 1, null)));
        yield return Case("binance/ws_combined_stream_wrapper.json", Frames.Write(w => BinanceFrameWriter.WriteDepthUpdate(w, Btc, delta, 1, 1, "btcusdt@depth@100ms")));
        yield return Case("binance/rest_depth_snapshot.json", Frames.Write(w => BinanceFrameWriter.WriteDepthSnapshot(w, Btc, book, 1, 1)));
        yield return Case("binance/ws_agg_trade.json", Frames.Write(w => BinanceFrameWriter.WriteAggTrade(w, Btc, new TradeEvent(0, 1, 0, 1, 1, Side.Sell), 1, 1, 1, 1, null)));
        yield return Case("binance/ws_book_ticker.json", Frames.Write(w => BinanceFrameWriter.WriteBookTicker(w, Btc, new BboEvent(0, 1, 1, 1, 1, 1, 2, 1), 1, 1, null)));
        yield return Case("binance/ws_mark_price.json", Frames.Write(w => BinanceFrameWriter.WriteMarkPrice(w, Btc, default, 1, null)));
        var binanceOrder = LinearOrder with { TimeInForce = TimeInForce.GoodTillCancel, Status = OrderStatus.New, Reject = RejectReason.None };
        yield return Case("binance/ws_order_trade_update.json", Frames.Write(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, Btc, binanceOrder, Execution, 1, 1)));
        yield return Case("binance/ws_account_update.json", Frames.Write(w => BinancePrivateFrameWriter.WriteAccountUpdate(w, "ORDER", Wallet, 0, new[] { Position }, new[] { Btc }, 1, 1)));
        yield return Case("binance/ws_listen_key_expired.json", Frames.Write(w => BinancePrivateFrameWriter.WriteListenKeyExpired(w, "k", 1)));
        var algo = binanceOrder with { Type = OrderType.TakeProfitMarket, TriggerTicks = 7_500 };
        yield return Case("binance/ws_algo_update.json", Frames.Write(w => BinancePrivateFrameWriter.WriteAlgoUpdate(w, Btc, algo, 0, "", 0, 1, 1)));
        yield return Case("binance/rest_new_order_response.json", Frames.Object(w => BinanceObjectWriter.WriteOrder(w, binanceOrder, Btc)));
        yield return Case("binance/rest_open_orders.json", Frames.Object(w => BinanceObjectWriter.WriteOrder(w, binanceOrder, Btc, withTime: true)), "[]");
        yield return Case("binance/rest_algo_order_response.json", Frames.Object(w => BinanceObjectWriter.WriteAlgoOrder(w, algo, Btc, 0)));
        yield return Case("binance/rest_position_risk_v3_oneway.json", Frames.Object(w => BinanceObjectWriter.WritePositionRisk(w, Position, Btc, v2: false)), "[]");
        yield return Case("binance/rest_balance_v3.json", Frames.Object(w => BinanceObjectWriter.WriteBalance(w, Wallet)), "[]");
    }

    [TestCaseSource(nameof(Cases))]
    public void Writer_FixtureMessageKind_SameFieldSet(string fixture, string written, string fixtureRoot)
    {
        var expected = Under(Frames.KeyPaths(SharedFolder.Message(fixture)), fixtureRoot);
        var actual = Frames.KeyPaths(written);
        var allowed = Allowed.TryGetValue(fixture, out var a) ? a : (Omitted: Array.Empty<string>(), Added: Array.Empty<string>());

        var missing = expected.Except(actual).Except(allowed.Omitted).ToList();
        var extra = actual.Except(expected).Except(allowed.Added).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "fields the venue sends that the writer does not");
            Assert.That(extra, Is.Empty, "fields the writer sends that the fixture does not show");
        });
    }

    /// <summary>Documented differences: fields of another product or of the doc example's context, and fields the fixture elides.</summary>
    private static readonly Dictionary<string, (string[] Omitted, string[] Added)> Allowed = new()
    {
        // The option example carries option/spot-only fields; the linear execution fixture is the reference.
        ["bybit/ws_execution_linear.json"] = (new[] { "data[].extraFees[].fee", "data[].extraFees[].feeCoin", "data[].extraFees[].feeRate", "data[].extraFees[].feeType", "data[].extraFees[].subFeeType" }, Array.Empty<string>()),
        // Linear position rows: deprecated / by-mark-price variants and session fields are not written.
        ["bybit/ws_position_linear.json"] = (new[] { "data[].positionIMByMp", "data[].positionMMByMp", "data[].sessionAvgPrice", "data[].leverageSysUpdatedTime", "data[].mmrSysUpdatedTime" }, Array.Empty<string>()),
        // The wallet fixture shows a BTC coin row of a spot-hedging account; the writer sends one USDT row.
        ["bybit/ws_wallet.json"] = (new[] { "data[].accountIMRateByMp", "data[].accountMMRateByMp", "data[].totalInitialMarginByMp", "data[].totalMaintenanceMarginByMp", "data[].coin[].spotHedgingQty" }, Array.Empty<string>()),
        // REST order rows: the history fixture has no category/closedPnl (WS only); extraFees and slippage fields are not modelled.
        ["bybit/rest_order_history_postonly_cancelled.json"] = (new[] { "extraFees", "slippageTolerance", "slippageToleranceType", "rpiTakerAccess", "rpiMatchedQty", "cumFeeDetail.MNT" }, Array.Empty<string>()),
        // Trailing-stop fields (activation price, callback rate) appear only on trailing orders, which the emulator does not serve.
        ["binance/ws_order_trade_update.json"] = (new[] { "o.AP", "o.cr" }, Array.Empty<string>()),
        // The open-orders example is a trailing order (activatePrice, priceRate); cumQty is in the new/cancel shapes and harmless here.
        ["binance/rest_open_orders.json"] = (new[] { "activatePrice", "priceRate" }, new[] { "cumQty" }),
        ["bybit/rest_execution_list.json"] = (new[] { "extraFees[].fee", "extraFees[].feeCoin", "extraFees[].feeRate", "extraFees[].feeType", "extraFees[].subFeeType" }, Array.Empty<string>()),
    };

    private static TestCaseData Case(string fixture, byte[] written, string root = "") =>
        new TestCaseData(fixture, Frames.Text(written), root).SetArgDisplayNames(fixture);

    private static SortedSet<string> Under(SortedSet<string> paths, string root)
    {
        if (root.Length == 0) return paths;
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string p in paths)
        {
            if (p.StartsWith(root + ".", StringComparison.Ordinal)) result.Add(p[(root.Length + 1)..]);
        }
        return result;
    }
}
