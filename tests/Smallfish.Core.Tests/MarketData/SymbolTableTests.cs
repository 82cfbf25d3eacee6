using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.MarketData;

public class SymbolTableTests
{
    [Test]
    public void GetOrAdd_NewSymbols_DenseIdsFromZero()
    {
        var table = new SymbolTable();
        Assert.That(table.GetOrAdd("BTCUSDT"), Is.EqualTo(0));
        Assert.That(table.GetOrAdd("ETHUSDT"), Is.EqualTo(1));
        Assert.That(table.GetOrAdd("btcusdt"), Is.EqualTo(0));
        Assert.That(table.Count, Is.EqualTo(2));
        Assert.That(table.NameOf(1), Is.EqualTo("ETHUSDT"));
    }

    [Test]
    public void TryGetId_Utf8AnyCase_ResolvesWithoutAllocating()
    {
        var table = new SymbolTable();
        for (int i = 0; i < 300; i++) table.GetOrAdd("SYM" + i + "USDT");
        int btc = table.GetOrAdd("BTCUSDT");
        Assert.That(table.TryGetId("btcusdt"u8, out _), Is.True); // warm
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool lower = table.TryGetId("btcusdt"u8, out int a);
        bool upper = table.TryGetId("BTCUSDT"u8, out int b);
        bool chars = table.TryGetId("BtcUsdt".AsSpan(), out int c);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(lower && upper && chars, Is.True);
        Assert.That(new[] { a, b, c }, Is.All.EqualTo(btc));
        Assert.That(allocated, Is.Zero);
        Assert.That(table.TryGetId("SYM299USDT"u8, out int last), Is.True);
        Assert.That(table.NameOf(last), Is.EqualTo("SYM299USDT"));
    }

    [TestCase("BTCUSD")]
    [TestCase("BTCUSDTX")]
    [TestCase("")]
    public void TryGetId_Unknown_False(string name)
    {
        var table = new SymbolTable();
        table.GetOrAdd("BTCUSDT");
        Assert.That(table.TryGetId(System.Text.Encoding.ASCII.GetBytes(name), out int id), Is.False);
        Assert.That(id, Is.EqualTo(-1));
    }

    [TestCase("BTC USDT")]
    [TestCase("BTCÜSDT")]
    public void GetOrAdd_NotPrintableAscii_Throws(string name) => Assert.That(() => new SymbolTable().GetOrAdd(name), Throws.ArgumentException);
}
