using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using InstrumentCatalog = Smallfish.Exchanges.Abstractions.InstrumentCatalog; // Core has one of the same name

namespace Smallfish.Exchanges.Tests.Support;

internal static class TestInstruments
{
    public static InstrumentCatalog Catalog(params InstrumentSpec[] extra)
    {
        var c = new InstrumentCatalog();
        c.Add(new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m));
        c.Add(new InstrumentSpec("ETHUSDT", 0.01m, 0.01m, 0.01m, 5m));
        foreach (var s in extra) c.Add(s);
        return c;
    }
}
