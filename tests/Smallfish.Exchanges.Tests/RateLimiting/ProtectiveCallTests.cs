using Smallfish.Core.Domain;
using Smallfish.Exchanges.RateLimiting;

namespace Smallfish.Exchanges.Tests.RateLimiting;

/// <summary>Which calls may pass a venue-imposed rate-limit block: stop-loss and protective exits, reduce-only.</summary>
public sealed class ProtectiveCallTests
{
    private static OrderRequest Request(OrderRole role, bool reduceOnly) =>
        new(ClientOrderId.Create(1, 0, 7, role), "BTCUSDT", Side.Sell, role == OrderRole.StopLoss ? OrderType.StopMarket : OrderType.Market,
            TimeInForce.GoodTillCancel, 0, 3, role == OrderRole.StopLoss ? 640_000 : 0, reduceOnly, role);

    [TestCase(OrderRole.StopLoss, true, ExpectedResult = true)]
    [TestCase(OrderRole.Exit, true, ExpectedResult = true)]
    [TestCase(OrderRole.Exit, false, ExpectedResult = false)]
    [TestCase(OrderRole.Entry, false, ExpectedResult = false)]
    [TestCase(OrderRole.Entry, true, ExpectedResult = false)]
    [TestCase(OrderRole.TakeProfit, true, ExpectedResult = false)]
    [TestCase(OrderRole.GridTakeProfit, true, ExpectedResult = false)]
    public bool Is_ByRoleAndReduceOnly(OrderRole role, bool reduceOnly) => ProtectiveCall.Is(Request(role, reduceOnly));

    [Test]
    public void Is_ClosePositionStop_Protective() =>
        Assert.That(ProtectiveCall.Is(Request(OrderRole.StopLoss, reduceOnly: false) with { ClosePosition = true }), Is.True);

    [TestCase("sf3-0-12-S0", ExpectedResult = true)]
    [TestCase("sf3-0-12-X2", ExpectedResult = true)]
    [TestCase("sf3-0-12-E1", ExpectedResult = false)]
    [TestCase("sf3-0-12-T0", ExpectedResult = false)]
    [TestCase("web-order-1", ExpectedResult = false)]
    [TestCase(null, ExpectedResult = false)]
    public bool IsClientId_ByRoleInTheId(string? clientOrderId) => ProtectiveCall.IsClientId(clientOrderId);
}
