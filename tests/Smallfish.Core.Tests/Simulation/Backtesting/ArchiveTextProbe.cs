using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Backtesting.Archives;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

/// <summary>Reaches the internal timestamp parser through a one-row Bybit file.</summary>
internal static class ArchiveTextProbe
{
    public static long SecondsToNs(string text)
    {
        using var files = new ArchiveTestFiles();
        string path = files.Plain("X.csv", $"{text},XUSDT,Buy,1,1,PlusTick,id\n");
        var sink = new EventRecorder();
        using var reader = new BybitTradeArchiveReader(path, new ArchiveInstrument(0, new InstrumentSpec("XUSDT", 1m, 1m, 1m, 0m)));
        reader.ReadNext(sink);
        return sink.Trades.Single(t => t.Aggressor == Side.Buy).ExchTsNs;
    }
}
