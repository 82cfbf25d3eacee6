using System.Diagnostics.Metrics;
using Smallfish.Monitoring.Metrics;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Metrics;

/// <summary>The exporter against meters created per test (so tests never see each other's instruments).</summary>
public class PrometheusExporterTests
{
    private Meter _meter = null!;
    private PrometheusExporter _exporter = null!;

    [SetUp]
    public void SetUp()
    {
        _meter = new Meter("Smallfish.Test." + TestContext.CurrentContext.Test.ID);
        Meter meter = _meter;
        _exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterFilter = m => ReferenceEquals(m, meter) });
    }

    [TearDown]
    public void TearDown()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Test]
    public void Scrape_Counter_SumsPerTagSetWithTotalSuffix()
    {
        Counter<long> counter = _meter.CreateCounter<long>("test.requests", "{request}", "Requests.");
        counter.Add(2, new KeyValuePair<string, object?>("code", "200"));
        counter.Add(3, new KeyValuePair<string, object?>("code", "200"));
        counter.Add(1, new KeyValuePair<string, object?>("code", "503"));
        counter.Add(4);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Types["test_requests_total"], Is.EqualTo("counter"));
            Assert.That(scrape.Help["test_requests_total"], Is.EqualTo("Requests."));
            Assert.That(scrape.Value("test_requests_total", ("code", "200")), Is.EqualTo(5));
            Assert.That(scrape.Value("test_requests_total", ("code", "503")), Is.EqualTo(1));
            Assert.That(scrape.Value("test_requests_total"), Is.EqualTo(4));
        });
    }

    [Test]
    public void Scrape_TagsInAnyOrder_LandInOneSeries()
    {
        Counter<int> counter = _meter.CreateCounter<int>("test.pairs");
        counter.Add(1, new("a", "x"), new("b", "y"));
        counter.Add(1, new("b", "y"), new("a", "x"));

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.That(scrape.Value("test_pairs_total", ("a", "x"), ("b", "y")), Is.EqualTo(2));
    }

    [Test]
    public void Scrape_Histogram_BucketsAreCumulativeAndAddUpToCountAndSum()
    {
        Histogram<double> h = _meter.CreateHistogram("test.latency", "us", "Latency.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10, 100] });
        double[] values = [0.5, 1, 1.5, 10, 99, 100, 100.5, 5_000];
        foreach (double v in values) h.Record(v);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());
        const string name = "test_latency_microseconds";

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Types[name], Is.EqualTo("histogram"));
            // Upper bounds are inclusive: 1 counts in le="1", 100 in le="100".
            Assert.That(scrape.Value(name + "_bucket", ("le", "1")), Is.EqualTo(2));
            Assert.That(scrape.Value(name + "_bucket", ("le", "10")), Is.EqualTo(4));
            Assert.That(scrape.Value(name + "_bucket", ("le", "100")), Is.EqualTo(6));
            Assert.That(scrape.Value(name + "_bucket", ("le", "+Inf")), Is.EqualTo(values.Length));
            Assert.That(scrape.Value(name + "_count"), Is.EqualTo(values.Length));
            Assert.That(scrape.Value(name + "_sum"), Is.EqualTo(values.Sum()).Within(1e-9));
        });
    }

    [Test]
    public void Scrape_HistogramWithLabels_CarriesLabelsOnEveryLine()
    {
        Histogram<long> h = _meter.CreateHistogram<long>("test.size", "By", null, tags: null,
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [10, 20] });
        h.Record(15, new KeyValuePair<string, object?>("venue", "bybit"));

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());
        var lines = scrape.Samples.Where(s => s.Name.StartsWith("test_size_bytes", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(5)); // 10, 20, +Inf, sum, count
            Assert.That(lines.All(s => s.Labels["venue"] == "bybit"), Is.True);
            Assert.That(scrape.Value("test_size_bytes_bucket", ("venue", "bybit"), ("le", "10")), Is.EqualTo(0));
            Assert.That(scrape.Value("test_size_bytes_bucket", ("venue", "bybit"), ("le", "20")), Is.EqualTo(1));
        });
    }

    [Test]
    public void Scrape_HistogramWithoutAdvice_UsesMicrosecondBucketsForMicroseconds()
    {
        Histogram<double> h = _meter.CreateHistogram<double>("test.plain", "us");
        h.Record(3);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());
        var bounds = scrape.Samples.Where(s => s.Name == "test_plain_microseconds_bucket").Select(s => s.Labels["le"]).ToList();

        Assert.That(bounds, Is.EqualTo(Smallfish.Core.Metrics.SmallfishMetrics.LatencyBucketsUs.Select(b => b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("+Inf")));
    }

    [Test]
    public void Scrape_LabelValues_AreEscapedAndParseBackUnchanged()
    {
        const string tricky = "a\"quoted\" \\path\\ and\nnewline";
        Counter<long> counter = _meter.CreateCounter<long>("test.escape");
        counter.Add(7, new KeyValuePair<string, object?>("what", tricky));

        string text = _exporter.Scrape();
        PrometheusText scrape = PrometheusText.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("what=\"a\\\"quoted\\\" \\\\path\\\\ and\\nnewline\""));
            Assert.That(scrape.Value("test_escape_total", ("what", tricky)), Is.EqualTo(7));
        });
    }

    [Test]
    public void Scrape_HelpText_EscapesBackslashAndNewline()
    {
        Counter<long> counter = _meter.CreateCounter<long>("test.help", null, "line one\nC:\\path");
        counter.Add(1);

        string text = _exporter.Scrape();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("# HELP test_help_total line one\\nC:\\\\path\n"));
            Assert.That(PrometheusText.Parse(text).Help["test_help_total"], Is.EqualTo("line one\nC:\\path"));
        });
    }

    [TestCase("odd.name-with/slashes", "ms", "odd_name_with_slashes_milliseconds")]
    [TestCase("9lives", null, "_9lives")]
    [TestCase("already_seconds", "s", "already_seconds")]
    [TestCase("rate", "By/s", "rate_bytes_per_second")]
    [TestCase("x..y", "{thing}", "x_y")]
    public void Scrape_InstrumentNames_AreSanitized(string instrument, string? unit, string expected)
    {
        Gauge<double> gauge = _meter.CreateGauge<double>(instrument, unit);
        gauge.Record(1.5);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Types.Keys, Is.EqualTo(new[] { expected }));
            Assert.That(scrape.Value(expected), Is.EqualTo(1.5));
        });
    }

    [Test]
    public void Scrape_LabelNames_AreSanitized()
    {
        Counter<long> counter = _meter.CreateCounter<long>("test.labels");
        counter.Add(1, new("order.side", "buy"), new("__internal", "x"), new("1st", "y"));

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.That(scrape.Value("test_labels_total", ("order_side", "buy"), ("_internal", "x"), ("_1st", "y")), Is.EqualTo(1));
    }

    [Test]
    public void Scrape_ObservableInstruments_AreCollectedAtScrapeTime()
    {
        double level = 3;
        long total = 10;
        _meter.CreateObservableGauge("test.level", () => level);
        _meter.CreateObservableCounter("test.seen", () => total);
        _meter.CreateObservableUpDownCounter("test.queue", () => new Measurement<int>(-2, new KeyValuePair<string, object?>("q", "in")));

        PrometheusText first = PrometheusText.Parse(_exporter.Scrape());
        level = 4.25;
        total = 12;
        PrometheusText second = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(first.Value("test_level"), Is.EqualTo(3));
            Assert.That(second.Value("test_level"), Is.EqualTo(4.25));
            Assert.That(second.Types["test_seen_total"], Is.EqualTo("counter"));
            Assert.That(second.Value("test_seen_total"), Is.EqualTo(12));
            Assert.That(second.Types["test_queue"], Is.EqualTo("gauge"));
            Assert.That(second.Value("test_queue", ("q", "in")), Is.EqualTo(-2));
        });
    }

    [Test]
    public void Scrape_UpDownCounter_IsAGaugeOfTheRunningSum()
    {
        UpDownCounter<int> c = _meter.CreateUpDownCounter<int>("test.inflight");
        c.Add(5);
        c.Add(-3);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Types["test_inflight"], Is.EqualTo("gauge"));
            Assert.That(scrape.Value("test_inflight"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Scrape_OtherMeters_AreNotExported()
    {
        using var other = new Meter("Smallfish.Other." + TestContext.CurrentContext.Test.ID);
        other.CreateCounter<long>("other.thing").Add(1);
        _meter.CreateCounter<long>("mine.thing").Add(1);

        PrometheusText scrape = PrometheusText.Parse(_exporter.Scrape());

        Assert.Multiple(() =>
        {
            Assert.That(scrape.Has("mine_thing_total"), Is.True);
            Assert.That(scrape.Has("other_thing_total"), Is.False);
        });
    }

    [Test]
    public void Scrape_NothingRecorded_WritesHeadersOnlyAndParses()
    {
        _meter.CreateCounter<long>("test.idle");

        string text = _exporter.Scrape();

        Assert.Multiple(() =>
        {
            Assert.That(PrometheusText.Parse(text).Samples, Is.Empty);
            Assert.That(text, Does.Contain("# TYPE test_idle_total counter\n"));
        });
    }
}
