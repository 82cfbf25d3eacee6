using System.Text.Json;
using System.Text.Json.Nodes;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Monitoring.Status;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Status;

public class StatusJsonTests
{
    [Test]
    public void Deserialize_RecordedFixture_ReadsEverySection()
    {
        StatusSnapshot s = Fixtures.Snapshot;

        Assert.Multiple(() =>
        {
            Assert.That(s.SchemaVersion, Is.EqualTo(StatusSnapshot.CurrentSchemaVersion));
            Assert.That(s.Service.Mode, Is.EqualTo(ServiceMode.Paper));
            Assert.That(s.Service.Exchange, Is.EqualTo(ExchangeName.Bybit));
            Assert.That(s.Service.Profile, Is.EqualTo(TradingMode.Aggressive));
            Assert.That(s.Account.Equity, Is.EqualTo(1052.31m));
            Assert.That(s.Symbols, Has.Count.EqualTo(2));
            Assert.That(s.Symbols[0].Fusion.Signals.Select(x => x.Name), Is.EqualTo(Enum.GetValues<SignalId>()));
            Assert.That(s.Symbols[0].Fusion.Direction, Is.EqualTo(Side.Buy));
            Assert.That(s.Symbols[0].Position!.StopPrice, Is.EqualTo(63956.50m));
            Assert.That(s.Symbols[0].WorkingOrders.Select(o => o.Role), Is.EqualTo(new[] { OrderRole.StopLoss, OrderRole.TakeProfit }));
            Assert.That(s.Symbols[0].Markers.Select(m => m.Action), Does.Contain(MarkerAction.Exit));
            Assert.That(s.Symbols[1].Book.InvalidReason, Is.EqualTo(BookInvalidReason.SequenceGap));
            Assert.That(s.Symbols[1].Fusion.Direction, Is.Null);
            Assert.That(s.Symbols[1].Position, Is.Null);
            Assert.That(s.Symbols[1].Grid!.Levels.Select(l => l.State), Does.Contain(GridLevelState.Filled));
            Assert.That(s.RecentTrades[^1].NetPnl, Is.EqualTo(4.87m));
            Assert.That(s.RecentTrades[^1].ExitReason, Is.EqualTo(ExitReason.TakeProfit));
            Assert.That(s.EquityCurve[^1].Equity, Is.EqualTo(s.Account.Equity));
        });
    }

    [Test]
    public void Serialize_RecordedFixture_RoundTripsToTheSameDocument()
    {
        string fixture = Fixtures.SnapshotJson;

        string written = StatusJson.Serialize(StatusJson.Deserialize(fixture));

        Assert.That(JsonEquivalence.FirstDifference(JsonNode.Parse(fixture), JsonNode.Parse(written)), Is.Null);
    }

    [Test]
    public void Serialize_PopulatedSnapshot_RoundTripsFieldForField()
    {
        StatusSnapshot original = Fixtures.Snapshot with
        {
            KillSwitch = new KillSwitchInfo { Tripped = true, Reason = KillSwitchCause.DailyLossR, SinceNs = 1_717_243_100_000_000_000 },
            Heartbeat = new HeartbeatInfo { EngineAlive = false, LastEventAgeMs = 12_500.5, FeedStale = true },
        };

        string json = StatusJson.Serialize(original);
        StatusSnapshot back = StatusJson.Deserialize(json);

        Assert.Multiple(() =>
        {
            Assert.That(StatusJson.Serialize(back), Is.EqualTo(json));
            Assert.That(back.KillSwitch, Is.EqualTo(original.KillSwitch));
            Assert.That(back.Heartbeat, Is.EqualTo(original.Heartbeat));
            Assert.That(back.Symbols[0].Book, Is.EqualTo(original.Symbols[0].Book));
            Assert.That(back.Symbols[0].Position, Is.EqualTo(original.Symbols[0].Position));
            Assert.That(back.RecentTrades, Is.EqualTo(original.RecentTrades));
            Assert.That(back.EquityCurve, Is.EqualTo(original.EquityCurve));
            Assert.That(back.Symbols[0].RecentMids, Is.EqualTo(original.Symbols[0].RecentMids));
        });
    }

    [Test]
    public void Serialize_Names_AreCamelCaseWithCamelCaseEnumsAndShortSignalNames()
    {
        var snapshot = new StatusSnapshot
        {
            KillSwitch = new KillSwitchInfo { Tripped = true, Reason = KillSwitchCause.DailyLossMoney },
            Symbols =
            [
                new SymbolStatus
                {
                    Symbol = "BTCUSDT",
                    Book = new BookStatus { InvalidReason = BookInvalidReason.StaleSnapshot },
                    Fusion = new FusionStatus { Signals = [new SignalScore { Name = SignalId.Absorb, Score = -0.5 }] },
                    WorkingOrders = [new WorkingOrderInfo { Role = OrderRole.PartialTakeProfit, Side = Side.Sell, Status = OrderStatus.PartiallyFilled }],
                },
            ],
        };

        JsonNode root = JsonNode.Parse(StatusJson.Serialize(snapshot))!;
        JsonNode symbol = root["symbols"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(root["killSwitch"]!["reason"]!.GetValue<string>(), Is.EqualTo("dailyLossMoney"));
            Assert.That(symbol["book"]!["invalidReason"]!.GetValue<string>(), Is.EqualTo("staleSnapshot"));
            Assert.That(symbol["fusion"]!["signals"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("ABSORB"));
            Assert.That(symbol["workingOrders"]![0]!["role"]!.GetValue<string>(), Is.EqualTo("partialTakeProfit"));
            Assert.That(symbol["workingOrders"]![0]!["side"]!.GetValue<string>(), Is.EqualTo("sell"));
            Assert.That(symbol["workingOrders"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("partiallyFilled"));
            // Stable shape: absent values are written as null, not left out.
            Assert.That(symbol.AsObject().ContainsKey("position"), Is.True);
            Assert.That(symbol["position"], Is.Null);
            Assert.That(root["service"]!.AsObject().ContainsKey("exchange"), Is.True);
        });
    }

    [Test]
    public void Serialize_NonFiniteScore_WritesANamedLiteralInsteadOfFailing()
    {
        var snapshot = new StatusSnapshot
        {
            Symbols = [new SymbolStatus { Fusion = new FusionStatus { Signals = [new SignalScore { Name = SignalId.Obi, Score = double.NaN }] } }],
        };

        string json = StatusJson.Serialize(snapshot);

        Assert.That(double.IsNaN(StatusJson.Deserialize(json).Symbols[0].Fusion.Signals[0].Score), Is.True);
    }

    [Test]
    public void Deserialize_UnknownSignalName_Throws()
    {
        string json = """{"symbols":[{"fusion":{"signals":[{"name":"NOPE","score":0}]}}]}""";

        Assert.That(() => StatusJson.Deserialize(json), Throws.InstanceOf<JsonException>());
    }
}
