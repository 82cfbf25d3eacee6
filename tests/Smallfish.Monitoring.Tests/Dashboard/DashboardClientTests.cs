using System.Net;
using System.Net.Sockets;
using Smallfish.Core.Time;
using Smallfish.Monitoring.Dashboard;
using Smallfish.Monitoring.Server;
using Smallfish.Monitoring.Status;
using Smallfish.Monitoring.Tests.TestSupport;

namespace Smallfish.Monitoring.Tests.Dashboard;

/// <summary>The live client against a real status server on 127.0.0.1; time moves only when the simulated clock is advanced.</summary>
public class DashboardClientTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Test]
    public async Task RunAsync_PollsEachRefreshAndStopsCleanlyWhenCancelled()
    {
        StatusSnapshot current = Fixtures.Snapshot;
        await using var server = new StatusServer(new StatusServerOptions { BindAddress = "127.0.0.1", Port = 0 }, new DelegateStatusSource(() => current));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = StatusHttpClient.Create();
        var clock = new SimulatedClock();
        var console = new TestConsole(80, 24);
        var client = new DashboardClient(http, new Uri(server.BaseAddress!, "/status"), console.Console,
            new DashboardClientOptions { RefreshInterval = TimeSpan.FromSeconds(1) }, clock);
        var frames = new FrameQueue();
        client.FrameDrawn = frames.Add;
        using var cts = new CancellationTokenSource();

        Task run = client.RunAsync(cts.Token);
        DashboardFrame first = await frames.NextAsync().WaitAsync(Guard);
        current = current with { Account = current.Account with { Equity = 1077.77m } };
        clock.Advance(TimeSpan.FromSeconds(1));
        DashboardFrame second = await frames.NextAsync().WaitAsync(Guard);
        await cts.CancelAsync();
        await run.WaitAsync(Guard);

        Assert.Multiple(() =>
        {
            Assert.That(first.Index, Is.EqualTo(1));
            Assert.That(first.Notice, Is.Null);
            Assert.That(first.Snapshot!.Account.Equity, Is.EqualTo(1052.31m));
            Assert.That(second.Index, Is.EqualTo(2));
            Assert.That(second.Snapshot!.Account.Equity, Is.EqualTo(1077.77m));
            Assert.That(run.IsCompletedSuccessfully, Is.True);
            Assert.That(console.Output, Does.Contain("Equity 1,052.31").And.Contain("Equity 1,077.77"));
        });
    }

    [Test]
    public async Task RunAsync_CancelledBeforeStart_ReturnsAtOnce()
    {
        using HttpClient http = StatusHttpClient.Create();
        var client = new DashboardClient(http, new Uri("http://127.0.0.1:1/status"), new TestConsole(80, 24).Console);

        Task run = client.RunAsync(new CancellationToken(canceled: true));

        await run.WaitAsync(Guard);
        Assert.That(run.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task PollAsync_ServiceGoneAfterASnapshot_KeepsTheSnapshotWithAnAgeNotice()
    {
        StatusSnapshot snapshot = Fixtures.Snapshot;
        var server = new StatusServer(new StatusServerOptions { BindAddress = "127.0.0.1", Port = 0 }, new DelegateStatusSource(() => snapshot));
        await server.StartAsync(CancellationToken.None);
        Uri status = new(server.BaseAddress!, "/status");
        using HttpClient http = StatusHttpClient.Create();
        var clock = new SimulatedClock();
        var client = new DashboardClient(http, status, new TestConsole(80, 24).Console, time: clock);

        DashboardFrame ok = await client.PollAsync(CancellationToken.None);
        await server.DisposeAsync();
        clock.Advance(TimeSpan.FromSeconds(12));
        DashboardFrame gone = await client.PollAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ok.Notice, Is.Null);
            Assert.That(gone.Snapshot, Is.SameAs(ok.Snapshot));
            Assert.That(gone.Notice, Does.StartWith($"cannot reach 127.0.0.1:{status.Port}").And.EndWith("showing data from 12s ago"));
        });
    }

    [Test]
    public async Task PollAsync_NothingListening_SaysItCannotReachTheService()
    {
        int port = FreeLoopbackPort();
        using HttpClient http = StatusHttpClient.Create();
        var client = new DashboardClient(http, new Uri($"http://127.0.0.1:{port}/status"), new TestConsole(80, 24).Console);

        DashboardFrame frame = await client.PollAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Snapshot, Is.Null);
            Assert.That(frame.Notice, Does.StartWith($"cannot reach 127.0.0.1:{port}"));
        });
    }

    [Test]
    public async Task PollAsync_ServiceWithoutSnapshot_SaysSo()
    {
        await using var server = new StatusServer(new StatusServerOptions { BindAddress = "127.0.0.1", Port = 0 }, new DelegateStatusSource(() => null));
        await server.StartAsync(CancellationToken.None);
        using HttpClient http = StatusHttpClient.Create();
        var client = new DashboardClient(http, new Uri(server.BaseAddress!, "/status"), new TestConsole(80, 24).Console);

        DashboardFrame frame = await client.PollAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Snapshot, Is.Null);
            Assert.That(frame.Notice, Is.EqualTo("service up, no snapshot yet"));
        });
    }

    [Test]
    public async Task PollAsync_InProcessSource_ReadsItAndHidesFailureText()
    {
        StatusSnapshot? next = Fixtures.Snapshot;
        bool fail = false;
        var source = new DelegateStatusSource(() => fail ? throw new InvalidOperationException("token=secret") : next);
        var client = new DashboardClient(source, new TestConsole(80, 24).Console);

        DashboardFrame ok = await client.PollAsync(CancellationToken.None);
        fail = true;
        DashboardFrame failed = await client.PollAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ok.Snapshot, Is.SameAs(next));
            Assert.That(failed.Snapshot, Is.SameAs(next));
            Assert.That(failed.Notice, Does.StartWith("status source failed (InvalidOperationException)"));
            Assert.That(failed.Notice, Does.Not.Contain("secret"));
        });
    }

    [Test]
    public void Options_FromServiceSection_UseItsRefreshInterval()
    {
        var options = DashboardClientOptions.From(new Smallfish.Core.Configuration.DashboardOptions { RefreshMs = 250 });

        Assert.That(options.RefreshInterval, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Frames as they are drawn, awaited one by one.</summary>
    private sealed class FrameQueue
    {
        private readonly System.Threading.Channels.Channel<DashboardFrame> _frames = System.Threading.Channels.Channel.CreateUnbounded<DashboardFrame>();

        public void Add(DashboardFrame frame) => _frames.Writer.TryWrite(frame);

        public async Task<DashboardFrame> NextAsync() => await _frames.Reader.ReadAsync();
    }
}
