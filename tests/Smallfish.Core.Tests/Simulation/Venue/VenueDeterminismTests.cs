using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Queue;
using static Smallfish.Core.Tests.Simulation.Venue.VenueHarness;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>The same stream, strategy and seeds give the same report sequence, event for event.</summary>
public class VenueDeterminismTests
{
    private static List<string> RunScenario(ulong seed)
    {
        var options = new SimulatedVenueOptions
        {
            Latency = new JitterLatencyModel(new ConstantLatencyModel(2 * Ms, 5 * Ms, 1 * Ms), 3 * Ms, 4 * Ms, 2 * Ms, seed),
            QueueModel = ProbabilisticQueueModel.Proportional,
            FaultSeed = seed,
        };
        var h = new VenueHarness(options);
        h.Venue.Faults.RandomRejectProbability = 0.1;

        // A toy strategy: join the bid on every book, cancel the previous quote, and take on big prints.
        string? working = null;
        h.OnBookDelivered = update =>
        {
            if (working is not null) h.Venue.Cancel(Symbol, working);
            var order = h.Limit(Side.Buy, 999, 2, TimeInForce.PostOnly);
            working = order.ClientOrderId;
            h.Venue.Place(order);
        };
        h.OnTradeDelivered = trade =>
        {
            if (trade.QtyLots >= 5) h.Venue.Place(h.Market(trade.Aggressor, 1));
        };

        h.Snapshot(T0, [(999, 10), (998, 20)], [(1000, 10), (1001, 20)]);
        var random = new SeededRandom(99); // the stream itself is fixed
        for (int i = 1; i <= 200; i++)
        {
            long ts = T0 + i * Ms;
            if (i % 3 == 0) h.Delta(ts, [(999, 5 + random.NextInclusive(20))], [(1000, 5 + random.NextInclusive(20))]);
            else h.Trade(ts, random.NextInclusive(1) == 0 ? 999 : 1000, 1 + random.NextInclusive(6), random.NextInclusive(1) == 0 ? Side.Sell : Side.Buy);
        }
        h.Ticker(T0 + 201 * Ms, 0.0001, 100.0);
        h.Trade(Funding0800 + 1 * Ms, 999, 1, Side.Sell);
        h.Exchange.Finish();
        return h.Log;
    }

    [Test]
    public void Run_SameInputsTwice_IdenticalReportSequence()
    {
        var first = RunScenario(seed: 1234);
        var second = RunScenario(seed: 1234);
        Assert.That(first.Count(l => l.Contains(" fill ", StringComparison.Ordinal)), Is.GreaterThan(0), "the scenario must trade");
        Assert.That(first.Count(l => l.Contains(" funding ", StringComparison.Ordinal)), Is.EqualTo(1), "and pay funding");
        Assert.That(second, Is.EqualTo(first));
    }
}
