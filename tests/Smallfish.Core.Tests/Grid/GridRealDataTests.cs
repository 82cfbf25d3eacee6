using System.Globalization;
using Smallfish.Core.Configuration;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Core.Time;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Core.Tests.Grid;

/// <summary>
/// The grid alone on the real Binance USD-M BTCUSDT sessions in shared/data/real/hftbacktest-binance-usdm (2024-07-18
/// 23:57 to 07-19 00:05, and 2024-08-08 23:54 to 08-09 00:00 UTC), on the simulated exchange with Binance VIP 0 fees,
/// the risk-averse queue model and fixed latencies. A measurement: it prints what the grid did for a few settings and
/// asserts only accounting identities and the inventory cap, never a profit. The sessions stream through the official
/// replay reader (<see cref="HftBacktestBinanceReader"/>).
/// </summary>
public class GridRealDataTests
{
    private const decimal Equity = 10_000m;
    private static readonly ILatencyModel Latency = new ConstantLatencyModel(20 * TimeProviderExtensions.NsPerMs, 30 * TimeProviderExtensions.NsPerMs, 30 * TimeProviderExtensions.NsPerMs);

    private static IReadOnlyList<HftBacktestSession> BtcSessions() =>
        HftBacktestSession.Discover(SharedData.RealFile("hftbacktest-binance-usdm")).Where(s => s.Symbol == "BTCUSDT").ToList();

    /// <summary>UTC midnight of the session's first file (<c>btcusdt_20240718.gz</c>): the simulated clock starts there.</summary>
    private static long StartNs(HftBacktestSession session)
    {
        string name = Path.GetFileNameWithoutExtension(session.Files[0]);
        var date = DateOnly.ParseExact(name[(name.LastIndexOf('_') + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture);
        return (date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400L * TimeProviderExtensions.NsPerSecond;
    }

    private static IEnumerable<TestCaseData> Settings()
    {
        yield return new TestCaseData("defaults (10 ticks, rolling VWAP)", (Action<MultigridOptions>)(_ => { })).SetName("Replay_Defaults");
        yield return new TestCaseData("volatility x0.5 over 60 s", (Action<MultigridOptions>)(o => o.SpacingMode = GridSpacingMode.Volatility)).SetName("Replay_VolatilitySpacing");
        yield return new TestCaseData("300 ticks (above 2 maker fees), mid", (Action<MultigridOptions>)(o =>
        {
            o.SpacingTicks = 300;
            o.CenterSource = GridCenterSource.Mid;
        })).SetName("Replay_FeeAwareSpacing");
    }

    [TestCaseSource(nameof(Settings))]
    public void Replay_RealBtcSessions_PrintsTheGridsSummaryAndKeepsItsBooks(string label, Action<MultigridOptions> change)
    {
        var o = new MultigridOptions { Enabled = true };
        change(o);
        TestContext.Out.WriteLine($"grid alone, {label}: levels {o.Levels}, size {o.SizePerLevelPct} % of {Equity} USDT, cap {o.MaxInventoryLevels} levels, " +
            $"re-center > {o.RecenterThresholdLevels} levels, stop {o.GridStopPct} %; Binance VIP 0 fees (maker 2 bps, taker 5 bps), " +
            "latency feed 20 ms / order 30 ms / report 30 ms, risk-averse queue");
        TestContext.Out.WriteLine("files             events placed cancels po-rej fills trips TPs   gross  realized    fees open BTC  unreal. peak BTC  max DD recenters spacing");

        var sessions = BtcSessions();
        Assert.That(sessions, Has.Count.EqualTo(2), "the July (two files) and the August BTCUSDT sessions");
        foreach (var session in sessions)
        {
            var spec = RecordedInstruments.BinanceUsdm().First(i => i.Symbol == "BTCUSDT");
            var symbols = new SymbolTable();
            symbols.GetOrAdd(spec.Symbol); // id 0: the venue's only instrument
            var d = new GridReplayDriver(spec, o, SimulatedVenueOptions.BinanceUsdm with { Latency = Latency }, Equity, StartNs(session));
            using (var reader = new HftBacktestBinanceReader(session.Files, symbols, new InstrumentCatalog([spec])))
            {
                d.Replay(reader);
            }
            var s = d.Grid.Snapshot();
            var venue = d.Exchange.Venue.GetPosition(d.Spec.Symbol);

            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join('+', session.Files.Select(f => Path.GetFileNameWithoutExtension(f)[8..])),-17} {d.MarketEvents,6} {d.Commands.Placed.Count,6} {d.Commands.Cancelled.Count,7} " +
                $"{s.PostOnlyRejects,6} {d.Fills.Count,5} {s.RoundTrips,5} {s.TakeProfits,3} {d.Trips.Sum(t => t.GrossPnl),7:0.0000} {s.RealizedPnl,9:0.0000} " +
                $"{s.Fees,7:0.0000} {d.Spec.Qty.ToDecimal(s.InventoryLots),8} {s.UnrealizedPnl,8:0.0000} {d.Spec.Qty.ToDecimal(s.PeakInventoryLots),8} " +
                $"{s.MaxDrawdown,7:0.0000} {s.Recenters,9} {s.SpacingTicks,7}"));

            Assert.Multiple(() =>
            {
                Assert.That(d.MarketEvents, Is.GreaterThan(10_000), "the session was replayed");
                Assert.That(d.BookGaps, Is.Zero, "the strategy's book stayed in sequence");
                Assert.That(s.RealizedPnl, Is.EqualTo(d.Trips.Sum(t => t.NetPnl)), "realized P&L is the sum of the round trips");
                Assert.That(d.Trips.Sum(t => t.Fees) + s.Units.Sum(u => u.EntryFees), Is.EqualTo(s.Fees).Within(1e-18m), "every fee is in a round trip or in open inventory");
                Assert.That(s.Fees, Is.EqualTo(d.Fills.Sum(f => f.Fee)));
                Assert.That(s.Fees, Is.EqualTo(venue.Fees), "the grid's fees are the venue's");
                Assert.That(s.InventoryLots, Is.EqualTo(venue.NetLots), "the grid's inventory is the venue's position");
                Assert.That(s.PeakInventoryLots, Is.LessThanOrEqualTo(s.MaxInventoryLots == 0 ? long.MaxValue : s.MaxInventoryLots));
                Assert.That(d.PeakVenueLots, Is.LessThanOrEqualTo(o.MaxInventoryLevels * Math.Max(1, s.LotsPerLevel)), "the venue never held more than the cap");
                Assert.That(d.Commands.Placed.Select(p => p.ClientOrderId), Is.Unique);
            });
        }
    }
}
