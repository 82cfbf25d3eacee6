using System.Globalization;
using System.Text;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Tests.TestSupport;
using Smallfish.Simulation.Backtesting.Research;
using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Readers;
using Smallfish.Simulation.Signals;

namespace Smallfish.Core.Tests.Signals;

/// <summary>
/// The signals over the real recordings in shared/data/real with production defaults: the Binance USD-M BTCUSDT and
/// ETHUSDT sessions (hftbacktest: 2024-07-18/19, 8 min; 2024-08-08, 6 min) and the Bybit v5 sample (cryptofeed, 45 s,
/// BTC/ETH/SOL/DOGE). Per signal: the share of 100 ms samples in which it is active and the share of its active samples
/// whose direction agreed with the next 1 s / 5 s / 30 s mid move. An honest measurement with no target: the test prints
/// the table and asserts only that the figures exist, are finite and in range, and that every event was seen.
/// </summary>
public class SignalsRealDataTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] BybitSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT"];

    private sealed record Run(string Name, SignalStudySymbol Symbol, SignalResearchResult Result, BookReplayStats Book);

    private static List<Run> s_runs = null!;

    [OneTimeSetUp]
    public void RunStudies()
    {
        s_runs = [];
        var options = new SmallfishOptions();
        foreach (var session in HftBacktestSession.Discover(Path.Combine(RepoPaths.RealData, "hftbacktest-binance-usdm")))
        {
            var catalog = new InstrumentCatalog(RecordedInstruments.BinanceUsdm());
            var study = new SignalStudy(catalog, options);
            int id = study.AddSymbol(session.Symbol, ExchangeName.Binance);
            using (var reader = new HftBacktestBinanceReader(session.Files, study.Driver.Symbols, catalog, session.Symbol)) study.Run(reader);
            var s = study.Symbol(id);
            s_runs.Add(new Run($"binance {session.Symbol} {Path.GetFileNameWithoutExtension(session.Files[0])[^8..]}", s, s.Complete(), study.Driver.Stats(id)));
        }

        string bybit = Path.Combine(RepoPaths.RealData, "cryptofeed-bybit-v5", "BYBIT.jsonl.gz");
        var bybitCatalog = new InstrumentCatalog(CryptofeedBybitReader.ReadInstrumentSpecs(bybit));
        var bybitStudy = new SignalStudy(bybitCatalog, options);
        var ids = new List<int>();
        foreach (string symbol in BybitSymbols) ids.Add(bybitStudy.AddSymbol(symbol, ExchangeName.Bybit));
        using (var reader = new CryptofeedBybitReader(bybit, bybitStudy.Driver.Symbols, bybitCatalog)) bybitStudy.Run(reader);
        foreach (int id in ids)
        {
            var s = bybitStudy.Symbol(id);
            s_runs.Add(new Run($"bybit {s.Name} 20260809", s, s.Complete(), bybitStudy.Driver.Stats(id)));
        }
    }

    [Test]
    public void Study_RealSessions_PrintsActivityAndDirectionalAgreementPerSignal()
    {
        var text = new StringBuilder();
        foreach (var run in s_runs) text.Append(Table(run.Name, run.Symbol, [run.Result]));
        var binance = s_runs.Where(r => r.Name.StartsWith("binance", StringComparison.Ordinal)).ToList();
        text.Append(Table("binance BTC+ETH, all 4 sessions pooled", null, binance.Select(r => r.Result).ToList()));
        TestContext.Out.Write(text.ToString());

        Assert.That(s_runs.Count(r => r.Name.StartsWith("binance", StringComparison.Ordinal)), Is.EqualTo(4), "BTC and ETH, two sessions each");
        Assert.That(s_runs.Count(r => r.Name.StartsWith("bybit", StringComparison.Ordinal)), Is.EqualTo(4), "BTC, ETH, SOL, DOGE");
        foreach (var run in binance)
        {
            Assert.That(run.Symbol.Samples, Is.GreaterThan(2_000), run.Name + ": minutes of warm samples");
            Assert.That(run.Result.Samples, Is.EqualTo(run.Symbol.Samples), run.Name);
        }
    }

    [Test]
    public void Study_RealSessions_EveryEventEvaluatedAndBooksGapFree()
    {
        foreach (var run in s_runs)
        {
            Assert.That(run.Symbol.Events, Is.GreaterThan(0), run.Name);
            Assert.That(run.Symbol.Evaluations, Is.EqualTo(run.Symbol.Events), run.Name + ": one evaluation per book message and trade");
            Assert.That(run.Book.Gaps, Is.Zero, run.Name);
            Assert.That(run.Book.CrossedWhileValid, Is.Zero, run.Name);
        }
        var btcJuly = s_runs.Single(r => r.Name == "binance BTCUSDT 20240718");
        Assert.That(btcJuly.Symbol.Events, Is.EqualTo(3_326 + 1 + 5_696 + 974 + 9_727), "every depth diff, the snapshot and every trade of the two files");
    }

    [Test]
    public void Study_RealSessions_EveryFigureFiniteAndInRange()
    {
        foreach (var run in s_runs)
        {
            Assert.That(run.Result.Signals, Has.Count.EqualTo(13));
            foreach (var s in run.Result.Signals)
            {
                if (run.Result.Samples > 0) Assert.That(s.ActiveRate, Is.InRange(0.0, 1.0), $"{run.Name} {s.Name}");
                foreach (var h in s.Horizons)
                {
                    Assert.That(h.HitSamples, Is.InRange(0L, run.Result.Samples), $"{run.Name} {s.Name} {h.Label}");
                    if (h.HitSamples > 0) Assert.That(h.HitRate, Is.InRange(0.0, 1.0), $"{run.Name} {s.Name} {h.Label}");
                    else Assert.That(h.HitRate, Is.NaN);
                    if (!double.IsNaN(h.Ic)) Assert.That(h.Ic, Is.InRange(-1.0, 1.0));
                }
            }
        }
    }

    private static string Table(string name, SignalStudySymbol? symbol, IReadOnlyList<SignalResearchResult> results)
    {
        var sb = new StringBuilder();
        long samples = results.Sum(r => r.Samples);
        string detail = symbol is null ? "" : string.Create(Inv,
            $" ({symbol.Events} events, {symbol.SkippedSamples} grid points before warm-up or on an invalid book, entry wanted in {symbol.EntrySamples}, regime low/normal/high/extreme {string.Join('/', symbol.RegimeSamples.ToArray())})");
        sb.AppendLine(string.Create(Inv, $"== {name}: {samples} samples of 100 ms{detail}"));
        if (samples == 0)
        {
            sb.AppendLine("   no warm samples: the recording is shorter than the features' longest window (60 s)");
            return sb.ToString();
        }
        sb.AppendLine("signal   active%   agree@1s (n)        agree@5s (n)        agree@30s (n)       IC1s    IC5s    IC30s");
        for (int s = 0; s < 13; s++)
        {
            double active = results.Sum(r => r.Signals[s].ActiveRate * r.Samples) / samples;
            sb.Append(Inv, $"{results[0].Signals[s].Name,-8} {active,7:P2}  ");
            for (int h = 0; h < 3; h++)
            {
                long n = results.Sum(r => r.Signals[s].Horizons[h].HitSamples);
                double hits = results.Sum(r => r.Signals[s].Horizons[h].HitSamples == 0 ? 0 : r.Signals[s].Horizons[h].HitRate * r.Signals[s].Horizons[h].HitSamples);
                sb.Append(n == 0 ? "    -              " : string.Create(Inv, $" {hits / n,6:P1} ({n,6})    "));
            }
            for (int h = 0; h < 3; h++)
            {
                double ic = results.Count == 1 ? results[0].Signals[s].Horizons[h].Ic : double.NaN;
                sb.Append(double.IsNaN(ic) ? "    -   " : string.Create(Inv, $" {ic,6:F3} "));
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
