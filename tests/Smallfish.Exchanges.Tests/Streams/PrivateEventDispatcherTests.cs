using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Tests.Parsing;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Streams;

public sealed class PrivateEventDispatcherTests
{
    private static (PrivateEventDispatcher Dispatcher, List<Fill> Fills, List<OrderUpdate> Orders, StreamStatistics Stats) Create(bool lowLatency = false)
    {
        var stats = new StreamStatistics();
        var fills = new List<Fill>();
        var orders = new List<OrderUpdate>();
        var d = new PrivateEventDispatcher("bybit", TestInstruments.Catalog(), new StreamClientOptions { UseLowLatencyFills = lowLatency }, stats, NullLogger.Instance)
        {
            FillReceived = fills.Add,
            OrderUpdated = orders.Add,
        };
        return (d, fills, orders, stats);
    }

    private static void Feed(IPrivateMessageSink sink, string frame) => BybitPrivateMessageParser.Parse(Encoding.UTF8.GetBytes(frame), sink);

    [Test]
    public void OnFill_SameExecIdTwice_RaisedOnce()
    {
        var (d, fills, _, stats) = Create();
        string frame = "{\"topic\":\"execution\",\"data\":[" + BybitPrivateParserTests.ExecutionItem("e1", "Buy", "sf1-0-1-E0") + "]}";
        Feed(d, frame);
        Feed(d, frame);
        Assert.That(fills.Select(f => (f.ExecId, f.ClientOrderId, f.PriceTicks, f.QtyLots)), Is.EqualTo(new[] { ("e1", "sf1-0-1-E0", 300_005L, 2L) }));
        Assert.That(stats.Duplicates, Is.EqualTo(1));
    }

    [Test]
    public void OnFill_FastExecutionByDefault_IgnoredInFavourOfFeeCarryingOne()
    {
        var (d, fills, _, _) = Create();
        Feed(d, "{\"topic\":\"execution.fast\",\"data\":[" + BybitPrivateParserTests.ExecutionItem("e1", "Buy", "sf1-0-1-E0") + "]}");
        Assert.That(fills, Is.Empty);
        Feed(d, "{\"topic\":\"execution\",\"data\":[" + BybitPrivateParserTests.ExecutionItem("e1", "Buy", "sf1-0-1-E0") + "]}");
        Assert.That(fills.Single().Fee, Is.EqualTo(0.01m));
    }

    [Test]
    public void OnFill_FastMakerFillWithoutLinkId_ResolvedThroughEarlierOrderUpdate()
    {
        var (d, fills, orders, _) = Create(lowLatency: true);
        d.OnOrder(new ExchangeOrder("BTCUSDT", "sf1-0-7-E0", "o-77", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, OrderStatus.New, 30000.5m, 0.002m, 0, 0, 0, false, RejectReason.None, null, "Limit", 1, 2));
        Feed(d, "{\"topic\":\"execution.fast\",\"data\":[" + BybitPrivateParserTests.ExecutionItem("e9", "Buy", "", "o-77") + "]}");
        Assert.That(fills.Single().ClientOrderId, Is.EqualTo("sf1-0-7-E0"));
        Assert.That(orders.Single(), Is.EqualTo(new OrderUpdate("sf1-0-7-E0", "o-77", "BTCUSDT", OrderStatus.New, 0, 0m, RejectReason.None, null, 2_000_000)));
    }

    [Test]
    public void OnOrder_UnknownInstrument_SkippedAndCounted()
    {
        var (d, _, orders, stats) = Create();
        Feed(d, SharedFolder.Message("bybit/ws_order_option_filled.json"));
        Assert.That(orders, Is.Empty);
        Assert.That(stats.Unknown, Is.EqualTo(1));
    }

    [Test]
    public void TryToOrderUpdate_PartialFillAveragePrice_KeepsFractionOfTick()
    {
        var order = new ExchangeOrder("BTCUSDT", "c", "x", Side.Buy, OrderType.Limit, TimeInForce.GoodTillCancel, OrderStatus.PartiallyFilled,
            30000.5m, 0.003m, 0.002m, 30000.25m, 0, false, RejectReason.None, null, "Limit", 0, 5);
        Assert.That(ExecutionNormalizer.TryToOrderUpdate(order, TestInstruments.Catalog(), out var u), Is.True);
        Assert.That((u.FilledLots, u.AvgPriceTicks, u.TsNs), Is.EqualTo((2L, 300_002.5m, 5_000_000L)));
    }
}
