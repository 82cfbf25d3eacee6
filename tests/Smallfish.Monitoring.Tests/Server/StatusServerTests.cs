using System.Net;
using System.Text.Json.Nodes;
using Smallfish.Core.Domain;
using Smallfish.Core.Metrics;
using Smallfish.Monitoring.Metrics;
using Smallfish.Monitoring.Server;
using Smallfish.Monitoring.Status;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Server;

/// <summary>The status server over a real socket on 127.0.0.1, port 0.</summary>
public class StatusServerTests
{
    private static readonly StatusServerOptions Loopback = new() { BindAddress = "127.0.0.1", Port = 0 };

    [Test]
    public async Task GetStatus_WithSnapshot_ServesItsJson()
    {
        StatusSnapshot snapshot = Fixtures.Snapshot;
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => snapshot));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/status", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(server.BaseAddress!.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.BaseAddress.Port, Is.Not.Zero);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(JsonEquivalence.FirstDifference(JsonNode.Parse(Fixtures.SnapshotJson), JsonNode.Parse(body)), Is.Null);
        });
    }

    [Test]
    public async Task GetStatus_SnapshotChanges_ServesTheLatest()
    {
        StatusSnapshot current = new() { Account = new AccountStatus { Equity = 100m } };
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => current));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        StatusSnapshot first = StatusJson.Deserialize(await http.GetStringAsync(new Uri("/status", UriKind.Relative)));
        current = current with { Account = new AccountStatus { Equity = 101.5m } };
        StatusSnapshot second = StatusJson.Deserialize(await http.GetStringAsync(new Uri("/status", UriKind.Relative)));

        Assert.Multiple(() =>
        {
            Assert.That(first.Account.Equity, Is.EqualTo(100m));
            Assert.That(second.Account.Equity, Is.EqualTo(101.5m));
        });
    }

    [Test]
    public async Task GetStatus_NoSnapshotYet_Returns503WithReason()
    {
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => null));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/status", UriKind.Relative));
        JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body["reason"]!.GetValue<string>(), Is.EqualTo("noSnapshot"));
        });
    }

    [Test]
    public async Task GetStatus_SourceThrows_Returns500WithoutTheExceptionText()
    {
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => throw new InvalidOperationException("apiKey=hunter2")));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/status", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(JsonNode.Parse(body)!["reason"]!.GetValue<string>(), Is.EqualTo("sourceFailed"));
            Assert.That(body, Does.Not.Contain("hunter2"));
        });
    }

    [Test]
    public async Task GetHealth_EngineAlive_Returns200()
    {
        var snapshot = new StatusSnapshot { Heartbeat = new HeartbeatInfo { EngineAlive = true, LastEventAgeMs = 2.5 } };
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => snapshot));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(body["lastEventAgeMs"]!.GetValue<double>(), Is.EqualTo(2.5));
        });
    }

    [TestCase(false, false, "engineStalled")]
    [TestCase(true, true, "feedStale")]
    public async Task GetHealth_StalledOrStale_Returns503WithReason(bool engineAlive, bool feedStale, string reason)
    {
        var snapshot = new StatusSnapshot { Heartbeat = new HeartbeatInfo { EngineAlive = engineAlive, FeedStale = feedStale, LastEventAgeMs = 31_000 } };
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => snapshot));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
            Assert.That(body["reason"]!.GetValue<string>(), Is.EqualTo(reason));
        });
    }

    [Test]
    public async Task GetMetrics_AfterRecording_ServesPrometheusText()
    {
        using var metrics = new SmallfishMetrics();
        var meter = metrics.Meter;
        using var exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterFilter = m => ReferenceEquals(m, meter) });
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => null), exporter);
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);
        metrics.EventProcessed(MetricEventKind.Trade);
        metrics.EventProcessed(MetricEventKind.Trade);
        metrics.OrderRejected(RejectReason.RateLimited);
        metrics.RecordDecisionToOrder(12_000);
        metrics.SetOpenPositions(1);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        PrometheusText scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.ToString(), Does.StartWith("text/plain").And.Contain("version=0.0.4"));
            Assert.That(scrape.Value("smallfish_engine_events_total", ("kind", "trade")), Is.EqualTo(2));
            Assert.That(scrape.Value("smallfish_orders_rejects_total", ("reason", "rateLimited")), Is.EqualTo(1));
            Assert.That(scrape.Value("smallfish_engine_decision_to_order_microseconds_bucket", ("le", "10")), Is.EqualTo(0));
            Assert.That(scrape.Value("smallfish_engine_decision_to_order_microseconds_bucket", ("le", "20")), Is.EqualTo(1));
            Assert.That(scrape.Value("smallfish_positions_open"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetMetrics_WithoutExporter_Returns404()
    {
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => null));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_ToStatus_IsNotServed()
    {
        await using var server = new StatusServer(Loopback, new DelegateStatusSource(() => new StatusSnapshot()));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = LoopbackHttp.Create(server.BaseAddress!);

        using HttpResponseMessage post = await http.PostAsync(new Uri("/status", UriKind.Relative), new StringContent("{}"));
        using HttpResponseMessage unknown = await http.GetAsync(new Uri("/config", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(post.IsSuccessStatusCode, Is.False);
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Stop_ThenStartAnother_ReleasesTheListener()
    {
        var server = new StatusServer(Loopback, new DelegateStatusSource(() => new StatusSnapshot()));
        await server.StartAsync(CancellationToken.None);
        Uri address = server.BaseAddress!;
        await server.StopAsync(CancellationToken.None);

        await using var again = new StatusServer(Loopback with { Port = address.Port }, new DelegateStatusSource(() => new StatusSnapshot()));
        await again.StartAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(server.Addresses, Is.Empty);
            Assert.That(again.BaseAddress!.Port, Is.EqualTo(address.Port));
        });
    }

    [Test]
    public async Task GetHealth_OverUnixSocket_Responds()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sf-{Guid.NewGuid():N}"[..12] + ".sock");
        var snapshot = new StatusSnapshot { Heartbeat = new HeartbeatInfo { EngineAlive = true } };
        try
        {
            await using var server = new StatusServer(new StatusServerOptions { BindAddress = null, UnixSocketPath = path }, new DelegateStatusSource(() => snapshot));
            await server.StartAsync(CancellationToken.None);
            using HttpClient http = LoopbackHttp.CreateForUnixSocket(path);

            using HttpResponseMessage response = await http.GetAsync(new Uri("/health", UriKind.Relative));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(server.BaseAddress, Is.Null);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
