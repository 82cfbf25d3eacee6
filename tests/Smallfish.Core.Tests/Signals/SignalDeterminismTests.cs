using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Core.Tests.Signals.Support;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Core.Tests.Signals;

/// <summary>The same events through the same pipeline give the same decisions, evaluation by evaluation.</summary>
public class SignalDeterminismTests
{
    /// <summary>Every field of two results, exactly (bitwise doubles).</summary>
    internal static string? FirstDifference(FusionResult a, FusionResult b)
    {
        for (int i = 0; i < SignalIds.Count; i++)
        {
            if (a.Scores[i].CompareTo(b.Scores[i]) != 0) return $"score {(SignalId)i}";
            if (a.Active[i] != b.Active[i]) return $"active {(SignalId)i}";
            if (a.Weights[i].CompareTo(b.Weights[i]) != 0) return $"weight {(SignalId)i}";
            if (a.Contributions[i].CompareTo(b.Contributions[i]) != 0) return $"contribution {(SignalId)i}";
        }
        if (a.TsNs != b.TsNs || a.Direction != b.Direction || a.Confidence.CompareTo(b.Confidence) != 0 || a.FusedScore.CompareTo(b.FusedScore) != 0
            || a.ActiveWeight.CompareTo(b.ActiveWeight) != 0 || a.ActiveCount != b.ActiveCount || a.AgreeingCount != b.AgreeingCount
            || a.QualityOk != b.QualityOk || a.Quality != b.Quality || a.WantsEntry != b.WantsEntry || a.Regime != b.Regime)
        {
            return "fused fields";
        }
        return null;
    }

    [Test]
    public void Replay_RealBinanceSessionTwice_IdenticalFusionResultsAtEveryEvent()
    {
        var session = HftBacktestSession.Discover(Path.Combine(RepoPaths.RealData, "hftbacktest-binance-usdm")).First(s => s.Symbol == "ETHUSDT");
        var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
        var options = new SmallfishOptions();
        options.AdaptiveWeights.HorizonSeconds = 5;
        options.AdaptiveWeights.SampleSpacingSeconds = 1;
        options.AdaptiveWeights.MinSamples = 20; // the weights adapt within the session, so adaptation is covered too

        var runs = new List<FusionResult>[2];
        long adaptations = 0;
        for (int run = 0; run < 2; run++)
        {
            var symbols = new SymbolTable();
            int id = symbols.GetOrAdd(session.Symbol);
            var pipeline = new SignalPipeline(catalog.Get(session.Symbol), options, binance: true, depthCapacity: 8192);
            var results = new List<FusionResult>();
            pipeline.Evaluated = p =>
            {
                var copy = new FusionResult();
                p.Result.CopyTo(copy);
                results.Add(copy);
            };
            using (var reader = new HftBacktestBinanceReader(session.Files, symbols, catalog, session.Symbol)) reader.ReadAll(pipeline);
            runs[run] = results;
            adaptations = pipeline.Signals.Symbol(0).Edge!.Adaptations;
        }

        Assert.That(runs[0], Has.Count.EqualTo(runs[1].Count));
        Assert.That(runs[0], Has.Count.GreaterThan(20_000));
        Assert.That(adaptations, Is.GreaterThan(0), "the adaptive weights moved during the run");
        Assert.That(runs[0].Count(r => r.ActiveCount > 0), Is.GreaterThan(1_000));
        for (int i = 0; i < runs[0].Count; i++)
        {
            string? diff = FirstDifference(runs[0][i], runs[1][i]);
            if (diff is not null) Assert.Fail($"evaluation {i}: {diff} differs");
        }
    }
}
