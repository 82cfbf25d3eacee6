using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Remote.Alerts;
using Smallfish.Remote.Email;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Email;

public class EmailAlerterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private SimulatedClock _clock = null!;
    private RecordingDelay _delay = null!;
    private CapturingLoggerProvider _logs = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new SimulatedClock((Noon - DateTimeOffset.UnixEpoch).Ticks * 100);
        _delay = new RecordingDelay(_clock);
        _logs = new CapturingLoggerProvider();
    }

    [TearDown]
    public void TearDown() => _logs.Dispose();

    private EmailAlerter Alerter(IEmailSender sender, Action<EmailAlertOptions>? configure = null, IDailySummarySource? summaries = null)
    {
        var options = new EmailAlertOptions { Enabled = true, MaxAttempts = 4, RetryBaseDelay = TimeSpan.FromSeconds(5), RetryMaxDelay = TimeSpan.FromMinutes(5) };
        configure?.Invoke(options);
        return new EmailAlerter(sender, options, _clock, _delay, _logs.CreateFactory().CreateLogger<EmailAlerter>(), summaries, new Random(1));
    }

    private SmtpEmailSender Smtp(int port) => new(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        From = "bot@smallfish.test",
        To = ["owner@example.test"],
        ConnectTimeout = TimeSpan.FromSeconds(2),
        CommandTimeout = TimeSpan.FromSeconds(2),
    }, _clock, _logs.CreateFactory().CreateLogger<SmtpEmailSender>());

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Waiting.Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition never held");
            await Task.Yield();
            await Task.Delay(5); // polling a counter updated by the background loop (a guard, not a sleep in the code under test)
        }
    }

    [Test]
    public async Task KillSwitch_OverSmtp_DeliversMailWithSubjectAndBody()
    {
        await using var server = new FakeSmtpServer().Start();
        using var alerter = Alerter(Smtp(server.Port));
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        var queued = alerter.KillSwitchTriggered("daily loss limit (10 R)", 987.65m);
        var mail = await server.WaitForMailAsync();
        await stop.CancelAsync();
        await loop.Within();

        Assert.That(queued, Is.True);
        Assert.That(mail.Subject, Is.EqualTo("[smallfish] KILL SWITCH triggered: daily loss limit (10 R)"));
        Assert.That(mail.Body, Does.Contain("The kill switch was triggered at 2026-01-01 12:00:00Z."));
        Assert.That(mail.Body, Does.Contain("Reason: daily loss limit (10 R)"));
        Assert.That(mail.Body, Does.Contain("Equity: 987.65"));
    }

    [Test]
    public async Task FailingServer_RetriesWithBackoffThenDelivers()
    {
        await using var server = new FakeSmtpServer { RejectConnections = 2 }.Start();
        using var alerter = Alerter(Smtp(server.Port));
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        Assert.DoesNotThrow(() => alerter.KillSwitchTriggered("slippage breaches"));
        var mail = await server.WaitForMailAsync();
        await Until(() => alerter.DeliveredCount == 1);
        await stop.CancelAsync();
        await loop.Within();

        Assert.That(mail.Subject, Does.Contain("KILL SWITCH"));
        Assert.That(server.Connections, Is.EqualTo(3));
        Assert.That(_delay.Waits, Has.Count.EqualTo(2));
        Assert.That(_delay.Waits[0], Is.InRange(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)));
        Assert.That(_delay.Waits[1], Is.InRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
        Assert.That(alerter.DroppedCount, Is.Zero);
    }

    [Test]
    public async Task ServerDown_GivesUpAfterMaxAttemptsAndKeepsServing()
    {
        var port = FreePort();
        using var alerter = Alerter(Smtp(port));
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        alerter.KillSwitchTriggered("first");
        alerter.Enqueue(new EmailMessage("second", "body"));
        await Until(() => alerter.DroppedCount == 2);
        await stop.CancelAsync();

        Assert.DoesNotThrowAsync(() => loop.Within());
        Assert.That(_delay.Waits, Has.Count.EqualTo(6), "3 waits between 4 attempts, for each of the two mails");
        Assert.That(alerter.DeliveredCount, Is.Zero);
    }

    [Test]
    public async Task PermanentRefusal_NotRetried()
    {
        await using var server = new FakeSmtpServer { RejectRecipients = true }.Start();
        using var alerter = Alerter(Smtp(server.Port));
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        alerter.KillSwitchTriggered("x");
        await Until(() => alerter.DroppedCount == 1);
        await stop.CancelAsync();
        await loop.Within();

        Assert.That(_delay.Waits, Is.Empty);
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [Test]
    public async Task UnexpectedSenderException_RetriedAndLoopSurvives()
    {
        var sender = new ScriptedSender(new InvalidOperationException("boom"), null);
        using var alerter = Alerter(sender);
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        alerter.Enqueue(new EmailMessage("a", "b"));
        await Until(() => alerter.DeliveredCount == 1);
        await stop.CancelAsync();
        await loop.Within();

        Assert.That(sender.Sent.Select(m => m.Subject), Is.EqualTo(new[] { "a" }));
        Assert.That(_delay.Waits, Has.Count.EqualTo(1));
    }

    [Test]
    public void KillSwitch_RepeatedWhileActive_OneMailUntilReset()
    {
        using var alerter = Alerter(new ScriptedSender());

        var first = alerter.KillSwitchTriggered("a");
        var repeat = alerter.KillSwitchTriggered("a again");
        alerter.KillSwitchReset();
        var after = alerter.KillSwitchTriggered("b");

        Assert.That((first, repeat, after), Is.EqualTo((true, false, true)));
    }

    [Test]
    public void Drawdown_AlertOncePerCrossingWithHysteresis()
    {
        using var alerter = Alerter(new ScriptedSender(), o =>
        {
            o.DrawdownAlertFraction = 0.10;
            o.DrawdownRearmFraction = 0.08;
        });

        var sent = new[] { 0.05, 0.10, 0.15, 0.099, 0.101, 0.07, 0.12, 0.20 }
            .Select(dd => alerter.ObserveDrawdown(dd, 900m, 1000m)).ToList();

        Assert.That(sent, Is.EqualTo(new[] { false, true, false, false, false, false, true, false }));
    }

    [Test]
    public void QueueFull_DropsWithoutBlockingOrThrowing()
    {
        using var alerter = Alerter(new ScriptedSender(), o => o.QueueCapacity = 2);

        var results = Enumerable.Range(0, 4).Select(i => alerter.Enqueue(new EmailMessage($"m{i}", ""))).ToList();

        Assert.That(results, Is.EqualTo(new[] { true, true, false, false }));
        Assert.That(alerter.DroppedCount, Is.EqualTo(2));
    }

    [Test]
    public void Disabled_QueuesNothing()
    {
        using var alerter = Alerter(new ScriptedSender(), o => o.Enabled = false);

        Assert.That(alerter.KillSwitchTriggered("x"), Is.False);
        Assert.That(alerter.ObserveDrawdown(0.5, 1, 2), Is.False);
    }

    [Test]
    public async Task DailySummary_FiresAtConfiguredUtcTimeEachDay()
    {
        var source = new CountingSummarySource();
        var sender = new ScriptedSender();
        using var alerter = Alerter(sender, o => o.DailySummaryUtc = new TimeSpan(23, 55, 0), source);
        using var stop = new CancellationTokenSource();
        var loop = alerter.RunAsync(stop.Token);

        alerter.StartDailySummaries();
        var first = alerter.NextDailySummary;
        _clock.AdvanceTo(ToNs(new DateTimeOffset(2026, 1, 1, 23, 54, 59, TimeSpan.Zero)));
        var beforeTime = source.Calls.Count;
        _clock.AdvanceTo(ToNs(new DateTimeOffset(2026, 1, 1, 23, 55, 0, TimeSpan.Zero)));
        var atTime = source.Calls.Count;
        _clock.Advance(TimeSpan.FromDays(2));
        await Until(() => alerter.DeliveredCount == 3);
        await stop.CancelAsync();
        await loop.Within();

        Assert.That(first, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 23, 55, 0, TimeSpan.Zero)));
        Assert.That((beforeTime, atTime), Is.EqualTo((0, 1)));
        Assert.That(source.Calls, Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 1, 1, 23, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 2, 23, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 3, 23, 55, 0, TimeSpan.Zero),
        }));
        Assert.That(sender.Sent[0].Subject, Is.EqualTo("[smallfish] Daily summary 2026-01-01: +12.40 USDT"));
        Assert.That(sender.Sent[0].Body, Does.Contain("Trades:       5 (3 W / 2 L)"));
    }

    private static long ToNs(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class ScriptedSender(params Exception?[] script) : IEmailSender
    {
        private readonly ConcurrentQueue<Exception?> _script = new(script);
        private readonly ConcurrentQueue<EmailMessage> _sent = new();

        public IReadOnlyList<EmailMessage> Sent => [.. _sent];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            if (_script.TryDequeue(out var e) && e is not null) throw e;
            _sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingSummarySource : IDailySummarySource
    {
        public List<DateTimeOffset> Calls { get; } = new();

        public DailySummaryView GetDailySummary(DateTimeOffset asOf)
        {
            Calls.Add(asOf);
            return new DailySummaryView
            {
                Day = DateOnly.FromDateTime(asOf.UtcDateTime),
                StartEquity = 1000m,
                EndEquity = 1012.4m,
                NetPnl = 12.4m,
                Trades = 5,
                Wins = 3,
                Losses = 2,
            };
        }
    }
}
