using Smallfish.Backtest.Data;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>Cache specs over the real recordings in shared/data/real, planned exactly as the CLI plans them.</summary>
internal static class RealStreams
{
    public static InstrumentSpec Btc { get; } = RecordedInstruments.BinanceUsdm().First(s => s.Symbol == "BTCUSDT");

    public static InstrumentSpec Eth { get; } = RecordedInstruments.BinanceUsdm().First(s => s.Symbol == "ETHUSDT");

    /// <summary>The files of <paramref name="symbol"/> in the hftbacktest folder (the two sessions).</summary>
    public static IReadOnlyList<DataFile> HftBacktestFiles(string symbol, string? directory = null) =>
        DataCatalog.Scan(directory ?? Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm"))
            .Where(f => f.Format == DataFormat.HftBacktestRecording && f.Symbol == symbol).ToList();

    /// <summary>The July session of <paramref name="spec"/>'s symbol (two files).</summary>
    public static EventCacheSpec JulySession(InstrumentSpec spec) =>
        StreamPlanner.Plan(spec.Symbol, ExchangeName.Binance, HftBacktestFiles(spec.Symbol).Where(f => f.Date!.Value.Month == 7).ToList(), spec, ReplayErrorPolicy.Stop);

    public static Func<EventCacheInput, IEventReader> Opener(InstrumentSpec spec, ReplayErrorPolicy policy = ReplayErrorPolicy.Stop) =>
        input => StreamPlanner.Open(input, spec, policy);

    /// <summary>The raw stream of <paramref name="spec"/>: the same readers merged, without the cache.</summary>
    public static EventMerger Raw(EventCacheSpec spec) =>
        new(spec.Inputs.Select(i => (IOrderedEventSource)new ReaderEventSource(StreamPlanner.Open(i, spec.Instrument, ReplayErrorPolicy.Stop), spec.ReorderWindowNs)).ToList());
}
