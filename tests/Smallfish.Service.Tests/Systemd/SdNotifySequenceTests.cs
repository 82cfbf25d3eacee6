using Smallfish.Service.Heartbeat;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Systemd;

/// <summary>The service's sd_notify conversation over a real unix datagram socket, driven by a simulated clock.</summary>
public sealed class SdNotifySequenceTests
{
    private ServiceDirectory _dir = null!;
    private NotifySocket _socket = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new ServiceDirectory();
        _socket = NotifySocket.AtPath(_dir.Root);
    }

    [TearDown]
    public void TearDown()
    {
        _socket.Dispose();
        _dir.Dispose();
    }

    [Test]
    public async Task Lifecycle_StartBeatStop_SendsReadyThenWatchdogsThenStopping()
    {
        using var notifier = new SystemdNotifier(_socket.Name, TimeSpan.FromSeconds(2));
        await using var service = ServiceTestHost.Create(_dir, notifier);

        await service.Host.StartAsync();
        List<string> afterStart = _socket.Drain();
        service.WaitForPing(1);
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        service.WaitForPing(2);
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        List<string> afterBeats = _socket.Drain();
        await service.Host.StopAsync();
        List<string> afterStop = _socket.Drain();

        Assert.That(afterStart, Has.Count.EqualTo(1));
        Assert.That(Lines(afterStart[0]), Does.Contain("READY=1"));
        Assert.That(Lines(afterStart[0]), Has.Some.StartsWith("STATUS=running: paper"));
        Assert.That(afterBeats, Is.EqualTo(new[] { "WATCHDOG=1", "WATCHDOG=1" }));
        Assert.That(afterStop, Has.Count.EqualTo(1));
        Assert.That(Lines(afterStop[0]), Does.Contain("STOPPING=1"));
    }

    [Test]
    public async Task Watchdog_LoopStalls_PingsStopUntilTheLoopRecovers()
    {
        var overrides = new Dictionary<string, string?> { ["Service:LoopStallMs"] = "1500" };
        using var notifier = new SystemdNotifier(_socket.Name, TimeSpan.FromSeconds(2));
        await using var service = ServiceTestHost.Create(_dir, notifier, overrides);
        await service.Host.StartAsync();
        service.WaitForPing(1);
        _socket.Drain();

        service.Engine.Block();
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // t=1: ping 1 was taken -> watchdog; ping 2 sent, the loop blocks on it
        Assert.That(service.Engine.WaitUntilBlocked(TimeSpan.FromSeconds(10)), Is.True);
        List<string> beforeStall = _socket.Drain();
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // t=2: ping 2 unanswered for 1 s: within the 1.5 s limit
        List<string> withinLimit = _socket.Drain();
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // t=3: 2 s without an answer: stalled
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // t=4: still stalled
        List<string> stalled = _socket.Drain();
        HeartbeatCheck verdict = service.State.Heartbeat;

        service.Engine.Release();
        service.WaitForPing(5);
        service.Clock.Advance(TimeSpan.FromSeconds(1)); // t=5: every ping answered again
        List<string> recovered = _socket.Drain();

        Assert.That(beforeStall, Is.EqualTo(new[] { "WATCHDOG=1" }));
        Assert.That(withinLimit, Is.EqualTo(new[] { "WATCHDOG=1" }));
        Assert.That(stalled, Has.None.EqualTo("WATCHDOG=1"), "no watchdog while the loop is stalled");
        Assert.That(stalled, Has.One.StartsWith("STATUS=engine loop stalled"));
        Assert.That(verdict.LoopAlive, Is.False);
        Assert.That(recovered, Does.Contain("WATCHDOG=1"));
        Assert.That(recovered, Has.One.StartsWith("STATUS=running"));
        Assert.That(service.Engine.CallLog, Does.Contain("stop entries LoopStalled"));
    }

    [Test]
    public void Notify_AbstractSocketName_DeliversTheDatagram()
    {
        using var socket = NotifySocket.Abstract();
        using var notifier = new SystemdNotifier(socket.Name);

        bool sent = notifier.Notify("READY=1");

        Assert.That(sent, Is.True);
        Assert.That(socket.Drain(), Is.EqualTo(new[] { "READY=1" }));
    }

    [Test]
    public void Notify_NoNotifySocket_IsANoOp()
    {
        using var notifier = SystemdNotifier.FromEnvironment(new Dictionary<string, string?>(), Environment.ProcessId);

        Assert.That(notifier.IsEnabled, Is.False);
        Assert.That(notifier.Notify("READY=1"), Is.False);
        Assert.That(notifier.WatchdogInterval, Is.Null);
    }

    [TestCase("30000000", null, 15_000)]
    [TestCase("30000000", "self", 15_000)]
    [TestCase("30000000", "other", -1)]
    [TestCase("0", null, -1)]
    [TestCase("abc", null, -1)]
    public void FromEnvironment_WatchdogUsec_PingsAtHalfTheTimeoutOnlyForThisProcess(string usec, string? pid, int expectedMs)
    {
        var environment = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = "/run/systemd/notify", ["WATCHDOG_USEC"] = usec };
        if (pid is not null) environment["WATCHDOG_PID"] = pid == "self" ? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1";

        using var notifier = SystemdNotifier.FromEnvironment(environment, Environment.ProcessId);

        Assert.That(notifier.WatchdogInterval, expectedMs < 0 ? Is.Null : Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    private static string[] Lines(string message) => message.Split('\n');
}
