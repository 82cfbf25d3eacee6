using Smallfish.Backtest.Data;
using Smallfish.Backtest.Tests.TestSupport;
using Smallfish.Core.Configuration;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Replay;

namespace Smallfish.Backtest.Tests.Cache;

public class EventCacheTests
{
    [Test]
    public void GetOrBuild_RealBinanceSession_ReplayEqualsRawStreamEventForEventAndSecondCallHits()
    {
        using var dir = new TempDir();
        var cache = new EventCache(dir.Path);
        var spec = RealStreams.JulySession(RealStreams.Btc);

        var first = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Btc));
        var second = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Btc));

        var raw = new CapturingSink();
        long rawEvents;
        using (var merger = RealStreams.Raw(spec)) rawEvents = merger.DrainTo(raw);
        var replayed = new CapturingSink();
        using (var source = second.Open()) source.DrainTo(replayed);

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(EventCacheOutcome.Built));
            Assert.That(second.Outcome, Is.EqualTo(EventCacheOutcome.Hit));
            Assert.That(second.Path, Is.EqualTo(first.Path));
            Assert.That(rawEvents, Is.GreaterThan(60_000), "the July BTCUSDT session holds about 72k lines");
            Assert.That(first.Manifest.Counts.Total, Is.EqualTo(rawEvents));
            Assert.That(first.Manifest.Lines, Is.EqualTo(11_414 + 60_570));
            Assert.That(replayed.Events.Count, Is.EqualTo(raw.Events.Count));
        });
        for (int i = 0; i < raw.Events.Count; i++)
        {
            if (raw.Events[i] != replayed.Events[i]) Assert.Fail($"event {i} differs:\n raw    {raw.Events[i]}\n cached {replayed.Events[i]}");
        }
    }

    [Test]
    public void GetOrBuild_RealSession_StreamIsInExchangeTimeOrderWithEngineTimesKept()
    {
        using var dir = new TempDir();
        var entry = new EventCache(dir.Path).GetOrBuild(RealStreams.JulySession(RealStreams.Eth), RealStreams.Opener(RealStreams.Eth));
        var sink = new TimeOrderSink();
        using (var source = entry.Open()) source.DrainTo(sink);
        Assert.Multiple(() =>
        {
            Assert.That(sink.Backwards, Is.Zero, "the reorder window restores exchange-time order across depth, trade and bookTicker streams");
            Assert.That(entry.Manifest.LateEvents, Is.Zero);
            Assert.That(sink.BooksWithEngineTime, Is.GreaterThan(0), "depth messages carry the matching-engine time T (format v2)");
        });
    }

    [Test]
    public void GetOrBuild_CorruptCacheFile_DetectedAndRebuilt()
    {
        using var dir = new TempDir();
        var cache = new EventCache(dir.Path);
        var spec = RealStreams.JulySession(RealStreams.Eth);
        var built = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));
        var bytes = File.ReadAllBytes(built.Path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(built.Path, bytes);

        var rebuilt = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));

        Assert.Multiple(() =>
        {
            Assert.That(rebuilt.Outcome, Is.EqualTo(EventCacheOutcome.Rebuilt));
            Assert.That(rebuilt.Note, Does.Contain("checksum"));
            Assert.That(File.ReadAllBytes(rebuilt.Path), Has.Length.EqualTo(bytes.Length));
            Assert.That(EventCache.Validate(rebuilt.Path, rebuilt.Path + ".json", spec.Key(), out _), Is.Null);
        });
    }

    [Test]
    public void GetOrBuild_TruncatedCacheFile_DetectedAndRebuilt()
    {
        using var dir = new TempDir();
        var cache = new EventCache(dir.Path);
        var spec = RealStreams.JulySession(RealStreams.Eth);
        var built = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));
        using (var f = new FileStream(built.Path, FileMode.Open)) f.SetLength(f.Length - 1000);

        var rebuilt = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));

        Assert.That((rebuilt.Outcome, rebuilt.Manifest.Counts), Is.EqualTo((EventCacheOutcome.Rebuilt, built.Manifest.Counts)));
    }

    [Test]
    public void GetOrBuild_SourceFileChanged_NewKeyAndConvertedAgain()
    {
        using var dir = new TempDir();
        string copy = dir.Combine("data", "ethusdt_20240808.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm", "ethusdt_20240808.gz"), copy);
        var spec = StreamPlanner.Plan("ETHUSDT", ExchangeName.Binance, RealStreams.HftBacktestFiles("ETHUSDT", dir.Combine("data")), RealStreams.Eth, ReplayErrorPolicy.Stop);
        var cache = new EventCache(dir.Combine("cache"));
        var first = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));

        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(copy).AddMinutes(1));
        var second = cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Eth));

        Assert.Multiple(() =>
        {
            Assert.That(second.Outcome, Is.EqualTo(EventCacheOutcome.Built));
            Assert.That(second.Path, Is.Not.EqualTo(first.Path));
            Assert.That(second.Manifest.Counts, Is.EqualTo(first.Manifest.Counts));
        });
    }

    [Test]
    public void GetOrBuild_TruncatedRealFile_ReplayFormatExceptionWithFileAndLineAndNoCacheLeft()
    {
        using var dir = new TempDir();
        string copy = dir.Combine("data", "btcusdt_20240808.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        var original = File.ReadAllBytes(Path.Combine(SharedPaths.RealData, "hftbacktest-binance-usdm", "btcusdt_20240808.gz"));
        File.WriteAllBytes(copy, original.AsSpan(0, original.Length * 3 / 5).ToArray());
        var spec = StreamPlanner.Plan("BTCUSDT", ExchangeName.Binance, RealStreams.HftBacktestFiles("BTCUSDT", dir.Combine("data")), RealStreams.Btc, ReplayErrorPolicy.Stop);
        var cache = new EventCache(dir.Combine("cache"));

        var error = Assert.Throws<ReplayFormatException>(() => cache.GetOrBuild(spec, RealStreams.Opener(RealStreams.Btc)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(copy));
            Assert.That(error.LineNumber, Is.GreaterThan(1000), "the line where the data stopped");
            Assert.That(error.Message, Does.StartWith(copy + ":" + error.LineNumber + ": "));
            Assert.That(Directory.Exists(cache.Directory) ? Directory.GetFiles(cache.Directory) : [], Is.Empty, "no cache (and no .part) from half the data");
        });
    }

    private sealed class TimeOrderSink : Smallfish.Core.MarketData.IMarketEventSink
    {
        private long _last = long.MinValue;

        public long Backwards { get; private set; }

        public long BooksWithEngineTime { get; private set; }

        public void OnBook(Smallfish.Core.MarketData.BookUpdate update)
        {
            See(update.ExchTsNs);
            if (update.EngineTsNs != 0) BooksWithEngineTime++;
        }

        public void OnTrade(in Smallfish.Core.MarketData.TradeEvent trade) => See(trade.ExchTsNs);

        public void OnBbo(in Smallfish.Core.MarketData.BboEvent bbo) => See(bbo.ExchTsNs);

        public void OnTicker(in Smallfish.Core.MarketData.TickerEvent ticker) => See(ticker.ExchTsNs);

        private void See(long ts)
        {
            if (ts < _last) Backwards++;
            else _last = ts;
        }
    }
}
