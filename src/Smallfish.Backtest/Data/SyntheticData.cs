using Smallfish.Core.Instruments;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Recording;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Backtest.Data;

/// <summary>
/// <c>--synthetic</c>: one seeded generator per symbol (seed + symbol index, so symbols differ), generated once into an
/// in-memory recording that every run of a sweep replays. The stream is Bybit-style (u chaining) whatever
/// <c>--exchange</c> says; the exchange picks fees and latency only. Never a stand-in for real data: reports say
/// SYNTHETIC.
/// </summary>
public static class SyntheticData
{
    private static readonly Dictionary<string, decimal> Prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTCUSDT"] = 64_000m,
        ["ETHUSDT"] = 3_400m,
        ["SOLUSDT"] = 150m,
        ["DOGEUSDT"] = 0.12m,
    };

    /// <summary>The generated stream of <paramref name="instrument"/> as a recording (symbol id 0), and its description.</summary>
    public static (byte[] Recording, string Description, long StartNs, long EndNs) Generate(InstrumentSpec instrument, long seed, int minutes)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var generator = new SyntheticMarketGenerator(new SyntheticMarketOptions
        {
            Seed = seed,
            Duration = TimeSpan.FromMinutes(minutes),
            Instrument = instrument,
            InitialPrice = InitialPrice(instrument),
        });
        var header = new RecordingFileHeader("synthetic", 0, [new RecordedInstrument(0, instrument)]);
        using var recording = new InMemoryRecording(header, EventCacheWriter.DefaultBlockBytes);
        generator.Run(recording);
        return (recording.ToArray(), generator.Info.Description, generator.StartNs, generator.EndNs);
    }

    private static decimal InitialPrice(InstrumentSpec instrument) =>
        Prices.TryGetValue(instrument.Symbol, out decimal p) ? p : Math.Max(100m * instrument.TickSize, 100m);
}
