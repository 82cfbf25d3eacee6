using System.Text;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Streams;

public sealed class BinanceDuplicateFilterTests
{
    private static byte[] Depth(long first, long last, long prev, string stream = "btcusdt@depth@100ms") => Encoding.UTF8.GetBytes(
        $"{{\"stream\":\"{stream}\",\"data\":{{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"U\":{first},\"u\":{last},\"pu\":{prev},\"b\":[[\"1.0\",\"2\"]],\"a\":[]}}}}");

    [Test]
    public void TryReadKey_CombinedFixture_ReadsStreamAndIds()
    {
        var frame = Encoding.UTF8.GetBytes(SharedFolder.Message("binance/ws_combined_stream_wrapper.json"));
        Assert.That(BinanceDuplicateFilter.TryReadKey(frame, out _, out long id, out long pu), Is.True);
        Assert.That((id, pu), Is.EqualTo((160L, 149L)));
    }

    [Test]
    public void IsDuplicate_TwoConnectionsSameEvents_EachDeliveredOnce()
    {
        var f = new BinanceDuplicateFilter();
        Assert.That(f.IsDuplicate(Depth(101, 110, 100), 1), Is.False);
        Assert.That(f.IsDuplicate(Depth(101, 110, 100), 2), Is.True);
        Assert.That(f.IsDuplicate(Depth(111, 120, 110), 2), Is.False, "new connection chains on: switches over");
        Assert.That(f.IsDuplicate(Depth(111, 120, 110), 1), Is.True);
        Assert.That(f.IsDuplicate(Depth(121, 130, 120), 1), Is.False);
    }

    [Test]
    public void IsDuplicate_OtherConnectionRunsAhead_LeftForCurrentSourceSoChainHolds()
    {
        var f = new BinanceDuplicateFilter();
        Assert.That(f.IsDuplicate(Depth(101, 110, 100), 1), Is.False);
        Assert.That(f.IsDuplicate(Depth(121, 130, 120), 2), Is.True, "does not chain on 110");
        Assert.That(f.IsDuplicate(Depth(111, 120, 110), 1), Is.False);
        Assert.That(f.IsDuplicate(Depth(121, 130, 120), 1), Is.False);
    }

    [Test]
    public void IsDuplicate_StreamsAreIndependentAndNonStreamFramesPass()
    {
        var f = new BinanceDuplicateFilter();
        Assert.That(f.IsDuplicate(Depth(1, 5, 0, "btcusdt@depth@100ms"), 1), Is.False);
        Assert.That(f.IsDuplicate(Depth(1, 5, 0, "ethusdt@depth@100ms"), 1), Is.False);
        var agg = Encoding.UTF8.GetBytes("{\"stream\":\"btcusdt@aggTrade\",\"data\":" + SharedFolder.Message("binance/ws_agg_trade.json") + "}");
        Assert.That(f.IsDuplicate(agg, 1), Is.False);
        Assert.That(f.IsDuplicate(agg, 2), Is.True, "aggTrade keyed by its id a");
        var ticker = Encoding.UTF8.GetBytes("{\"stream\":\"btcusdt@bookTicker\",\"data\":" + SharedFolder.Message("binance/ws_book_ticker.json") + "}");
        Assert.That(f.IsDuplicate(ticker, 1), Is.False);
        Assert.That(f.IsDuplicate(ticker, 2), Is.True, "bookTicker keyed by u (its a is a price)");
        Assert.That(f.IsDuplicate("{\"result\":null,\"id\":1}"u8, 1), Is.False);
        Assert.That(f.IsDuplicate("not json"u8, 1), Is.False);
    }
}
