using Smallfish.Core.Domain;
using Smallfish.Core.State;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Monitoring.Status;
using Smallfish.Service.Heartbeat;
using Smallfish.Service.Hosting;
using Smallfish.Service.Status;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Status;

public sealed class StatusSnapshotMapperTests
{
    private const long Start = 1_700_000_000_000_000_000;

    [Test]
    public void Map_BeforeTheFirstSnapshot_Null()
    {
        using var dir = new ServiceDirectory();
        RunContext context = Context(dir, RunMode.Paper);

        Assert.That(StatusSnapshotMapper.Map(context, new ServiceState { StartedAtNs = Start }, Start), Is.Null);
    }

    [Test]
    public void Map_PositionOrdersKillSwitchHeartbeat_TicksBecomePricesAndModeIsReported()
    {
        using var dir = new ServiceDirectory();
        RunContext context = Context(dir, RunMode.Testnet);
        var state = new RuntimeState(context.Symbols, 1000m, Start);
        state.OnEnter(new Position("BTCUSDT", Side.Buy, 25, 650_000, Start, 649_000), Start);
        state.AddOrder(new Order(new OrderRequest("tp-1", "BTCUSDT", Side.Sell, OrderType.Limit, TimeInForce.GoodTillCancel, 652_000, 25, 0, true, OrderRole.TakeProfit), Start));
        state.TripKillSwitch(KillSwitchReason.DailyLossR, Start + 5, "limit");
        var service = new ServiceState { StartedAtNs = Start };
        service.Update(state.Publish(), new HeartbeatCheck(Start + 7, LoopAlive: true, FeedStale: true, LastEventAgeMs: 12_000, false, true));

        StatusSnapshot status = StatusSnapshotMapper.Map(context, service, Start + 2_000_000_000)!;

        SymbolStatus btc = status.Symbols.Single(s => s.Symbol == "BTCUSDT");
        decimal tick = context.Instruments.Single(i => i.Symbol == "BTCUSDT").TickSize;
        decimal step = context.Instruments.Single(i => i.Symbol == "BTCUSDT").QtyStep;
        Assert.Multiple(() =>
        {
            Assert.That(status.Service.Mode, Is.EqualTo(ServiceMode.Testnet));
            Assert.That(status.Service.UptimeMs, Is.EqualTo(2000));
            Assert.That(status.KillSwitch, Is.EqualTo(new KillSwitchInfo { Tripped = true, Reason = KillSwitchCause.DailyLossR, SinceNs = Start + 5 }));
            Assert.That(status.Heartbeat, Is.EqualTo(new HeartbeatInfo { EngineAlive = true, FeedStale = true, LastEventAgeMs = 12_000 }));
            Assert.That(btc.Position!.EntryPrice, Is.EqualTo(650_000 * tick));
            Assert.That(btc.Position.StopPrice, Is.EqualTo(649_000 * tick));
            Assert.That(btc.Position.Qty, Is.EqualTo(25 * step));
            Assert.That(btc.WorkingOrders.Single().Price, Is.EqualTo(652_000 * tick));
            Assert.That(btc.WorkingOrders.Single().Role, Is.EqualTo(OrderRole.TakeProfit));
            Assert.That(status.Account.Equity, Is.EqualTo(1000m));
            Assert.That(status.Symbols.Select(s => s.Symbol), Is.EqualTo(context.Symbols));
        });
    }

    [Test]
    public void ToCause_EveryKillSwitchReason_HasATransportTwin()
    {
        foreach (KillSwitchReason reason in Enum.GetValues<KillSwitchReason>())
        {
            KillSwitchCause cause = StatusSnapshotMapper.ToCause(reason);
            Assert.That(cause.ToString(), Is.EqualTo(reason.ToString()), $"{reason} must map to its namesake");
        }
    }

    private static RunContext Context(ServiceDirectory dir, RunMode mode)
    {
        LoadedSmallfishConfiguration loaded = dir.Load();
        return new RunContext(loaded.Options, mode, loaded.ConfigDirectory, loaded.Scrubber, new Dictionary<string, string?>());
    }
}
