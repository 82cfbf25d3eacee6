using Microsoft.Extensions.DependencyInjection;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Engine;
using Smallfish.Service.Systemd;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Hosting;

/// <summary>The graceful stop through the real host against a stand-in engine and a real journal file.</summary>
public sealed class GracefulStopTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static OrderRequest Order(string id, OrderRole role, Side side, long price) =>
        new(id, "BTCUSDT", side, OrderType.Limit, TimeInForce.PostOnly, price, 10, 0, role != OrderRole.Entry, role);

    [Test]
    public async Task StopAsync_RestingEntriesAndProtection_StopsEntriesCancelsEntriesKeepsProtectionFlushesJournal()
    {
        OrderRequest[] working =
        [
            Order("e1", OrderRole.Entry, Side.Buy, 100_000),
            Order("e2", OrderRole.Entry, Side.Sell, 100_100),
            Order("sl1", OrderRole.StopLoss, Side.Sell, 99_000),
            Order("tp1", OrderRole.TakeProfit, Side.Sell, 101_000),
        ];
        using var notifier = new SystemdNotifier(null);
        await using var service = ServiceTestHost.Create(_dir, notifier, working: working);
        await service.Host.StartAsync();

        await service.Host.StopAsync();

        FakeEngineCore engine = service.Engine;
        ShutdownReport? report = service.Host.Services.GetRequiredService<EngineLoopService>().LastShutdown;
        Assert.Multiple(() =>
        {
            Assert.That(engine.Holds.HasFlag(EntryHold.ShuttingDown), Is.True, "new entries stopped");
            Assert.That(engine.CallLog.IndexOf("stop entries ShuttingDown"), Is.LessThan(engine.CallLog.IndexOf("cancel entry orders")), "entries stopped before cancelling");
            Assert.That(engine.CancelsSent, Is.EquivalentTo(new[] { "e1", "e2" }));
            Assert.That(engine.WorkingOrderIds, Is.EquivalentTo(new[] { "sl1", "tp1" }), "protective orders stay");
            Assert.That(report, Is.EqualTo(new ShutdownReport(2, 0, 2, false)));
        });

        // The journal was flushed after the loop drained: the cancel confirmations are on disk.
        using JournalReader reader = JournalReader.Open(new SqliteJournalOptions { DataDirectory = _dir.DataDirectory }.DatabasePath);
        var cancelled = reader.ReadOrderUpdates().Where(u => u.Status == OrderStatus.Cancelled).Select(u => u.ClientOrderId).ToList();
        Assert.That(cancelled, Is.EquivalentTo(new[] { "e1", "e2" }));
        Assert.That(reader.ReadOrders().Select(o => o.Request.ClientOrderId), Is.EquivalentTo(new[] { "e1", "e2", "sl1", "tp1" }));
    }

    [Test]
    public async Task StopAsync_CancelsNeverConfirmed_DrainEndsAtItsDeadline()
    {
        var overrides = new Dictionary<string, string?> { ["Service:ShutdownDrainMs"] = "2000" };
        using var notifier = new SystemdNotifier(null);
        await using var service = ServiceTestHost.Create(_dir, notifier, overrides, [Order("e1", OrderRole.Entry, Side.Buy, 100_000)]);
        await service.Host.StartAsync();
        service.Engine.Venue = null; // the venue never answers

        Task stopping = service.Host.StopAsync();
        SpinWait.SpinUntil(() => service.Engine.CancelsSent.Count == 1, TimeSpan.FromSeconds(10));
        bool finishedEarly = stopping.IsCompleted;
        service.Clock.Advance(TimeSpan.FromSeconds(2));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        ShutdownReport? report = service.Host.Services.GetRequiredService<EngineLoopService>().LastShutdown;
        Assert.That(finishedEarly, Is.False, "the loop waits for the confirmation until the deadline");
        Assert.That(report, Is.EqualTo(new ShutdownReport(1, 1, 0, true)));
    }
}
