using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Core.Metrics;
using Smallfish.Monitoring.Metrics;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Metrics;

/// <summary>The core's instruments as the status endpoint's exporter sees them.</summary>
public class SmallfishMetricsTests
{
    private SmallfishMetrics _metrics = null!;
    private PrometheusExporter _exporter = null!;

    [SetUp]
    public void SetUp()
    {
        _metrics = new SmallfishMetrics();
        var meter = _metrics.Meter;
        _exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterFilter = m => ReferenceEquals(m, meter) });
    }

    [TearDown]
    public void TearDown()
    {
        _exporter.Dispose();
        _metrics.Dispose();
    }

    [Test]
    public void Scrape_EveryInstrument_IsExportedUnderItsPrometheusName()
    {
        _metrics.SetEquity(1);
        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.That(scrape.Types, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["smallfish_engine_tick_to_decision_microseconds"] = "histogram",
            ["smallfish_engine_decision_to_order_microseconds"] = "histogram",
            ["smallfish_feed_latency_milliseconds"] = "histogram",
            ["smallfish_engine_events_total"] = "counter",
            ["smallfish_book_resyncs_total"] = "counter",
            ["smallfish_orders_rejects_total"] = "counter",
            ["smallfish_orders_fills_total"] = "counter",
            ["smallfish_account_equity"] = "gauge",
            ["smallfish_positions_open"] = "gauge",
        }));
    }

    [Test]
    public void Scrape_Counters_CountByTheirTag()
    {
        for (int i = 0; i < 5; i++) _metrics.EventProcessed(MetricEventKind.BookDelta);
        for (int i = 0; i < 3; i++) _metrics.EventProcessed(MetricEventKind.Trade);
        _metrics.BookResynced(BookInvalidReason.SequenceGap);
        _metrics.BookResynced(BookInvalidReason.SequenceGap);
        _metrics.BookResynced(BookInvalidReason.Crossed);
        _metrics.OrderRejected(RejectReason.PostOnlyWouldTake);
        _metrics.Filled(isMaker: true);
        _metrics.Filled(isMaker: true);
        _metrics.Filled(isMaker: false);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Value("smallfish_engine_events_total", ("kind", "bookDelta")), Is.EqualTo(5));
            Assert.That(scrape.Value("smallfish_engine_events_total", ("kind", "trade")), Is.EqualTo(3));
            Assert.That(scrape.Value("smallfish_book_resyncs_total", ("reason", "sequenceGap")), Is.EqualTo(2));
            Assert.That(scrape.Value("smallfish_book_resyncs_total", ("reason", "crossed")), Is.EqualTo(1));
            Assert.That(scrape.Value("smallfish_orders_rejects_total", ("reason", "postOnlyWouldTake")), Is.EqualTo(1));
            Assert.That(scrape.Value("smallfish_orders_fills_total", ("liquidity", "maker")), Is.EqualTo(2));
            Assert.That(scrape.Value("smallfish_orders_fills_total", ("liquidity", "taker")), Is.EqualTo(1));
        });
    }

    [Test]
    public void Scrape_LatencyHistograms_ConvertNanosecondsToTheirUnitAndBucketThem()
    {
        long[] elapsedNs = [800, 4_000, 4_999, 35_000, 2_000_000];
        foreach (long ns in elapsedNs) _metrics.RecordTickToDecision(ns);
        _metrics.RecordFeedLatency(12_400_000); // 12.4 ms

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());
        const string t2d = "smallfish_engine_tick_to_decision_microseconds";

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Value(t2d + "_bucket", ("le", "1")), Is.EqualTo(1));
            Assert.That(scrape.Value(t2d + "_bucket", ("le", "5")), Is.EqualTo(3));
            Assert.That(scrape.Value(t2d + "_bucket", ("le", "50")), Is.EqualTo(4));
            Assert.That(scrape.Value(t2d + "_bucket", ("le", "2000")), Is.EqualTo(5));
            Assert.That(scrape.Value(t2d + "_count"), Is.EqualTo(5));
            Assert.That(scrape.Value(t2d + "_sum"), Is.EqualTo(elapsedNs.Sum() / 1_000.0).Within(1e-9));
            Assert.That(scrape.Value("smallfish_feed_latency_milliseconds_bucket", ("le", "10")), Is.EqualTo(0));
            Assert.That(scrape.Value("smallfish_feed_latency_milliseconds_bucket", ("le", "20")), Is.EqualTo(1));
            Assert.That(scrape.Value("smallfish_feed_latency_milliseconds_sum"), Is.EqualTo(12.4).Within(1e-9));
        });
    }

    [Test]
    public void Scrape_Gauges_ReportTheLatestValuesAndEquityOnlyOnceSet()
    {
        PrometheusText before = PrometheusText.Parse(_exporter.Scrape());
        _metrics.SetEquity(1052.31);
        _metrics.SetOpenPositions(2);
        PrometheusText after = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(before.Has("smallfish_account_equity"), Is.False);
            Assert.That(before.Value("smallfish_positions_open"), Is.EqualTo(0));
            Assert.That(after.Value("smallfish_account_equity"), Is.EqualTo(1052.31));
            Assert.That(after.Value("smallfish_positions_open"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Record_HotInstrumentsWithExporterListening_AllocateNothing()
    {
        // Warm up: create the series and let the JIT settle.
        for (int i = 0; i < 2_000; i++) RecordHotPath(i);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) RecordHotPath(i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
    }

    private void RecordHotPath(int i)
    {
        _metrics.EventProcessed((i & 1) == 0 ? MetricEventKind.BookDelta : MetricEventKind.Trade);
        _metrics.RecordTickToDecision(1_000 + i);
        _metrics.RecordDecisionToOrder(500 + i);
        _metrics.RecordFeedLatency(5_000_000 + i);
        _metrics.Filled((i & 2) == 0);
        _metrics.SetEquity(1_000 + i);
    }
}
