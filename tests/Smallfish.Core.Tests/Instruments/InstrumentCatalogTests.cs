using Smallfish.Core.Instruments;

namespace Smallfish.Core.Tests.Instruments;

public class InstrumentCatalogTests
{
    [Test]
    public void TryGet_AnyCase_FindsSpec()
    {
        var catalog = new InstrumentCatalog([new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m)]);
        Assert.That(catalog.TryGet("btcusdt", out var spec), Is.True);
        Assert.That(spec!.Symbol, Is.EqualTo("BTCUSDT"));
    }

    [Test]
    public void Add_DuplicateSymbol_Throws()
    {
        var catalog = new InstrumentCatalog([new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m)]);
        Assert.That(() => catalog.Add(new InstrumentSpec("btcusdt", 0.1m, 0.001m, 0.001m, 5m)), Throws.ArgumentException);
    }

    [Test]
    public void Set_ExistingSymbol_ReplacesInPlace()
    {
        var catalog = new InstrumentCatalog([new InstrumentSpec("A", 0.1m, 1m, 1m, 0), new InstrumentSpec("B", 0.1m, 1m, 1m, 0)]);
        catalog.Set(new InstrumentSpec("A", 0.5m, 1m, 1m, 0));
        Assert.That(catalog.Get("A").TickSize, Is.EqualTo(0.5m));
        Assert.That(catalog.Select(s => s.Symbol), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void Get_Unknown_KeyNotFoundNamingSymbol()
    {
        Assert.That(() => new InstrumentCatalog().Get("ZZZ"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("ZZZ"));
    }
}
