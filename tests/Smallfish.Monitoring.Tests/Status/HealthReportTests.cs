using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.Status;

public class HealthReportTests
{
    [Test]
    public void From_AliveAndFresh_IsOk()
    {
        var report = HealthReport.From(new StatusSnapshot { Heartbeat = new HeartbeatInfo { EngineAlive = true, LastEventAgeMs = 4 } });

        Assert.That(report, Is.EqualTo(new HealthReport(HealthState.Ok, HealthReason.None, 4)));
    }

    [TestCase(false, false, HealthReason.EngineStalled)]
    [TestCase(false, true, HealthReason.EngineStalled)]
    [TestCase(true, true, HealthReason.FeedStale)]
    public void From_StalledOrStale_IsUnhealthyWithTheReason(bool engineAlive, bool feedStale, HealthReason expected)
    {
        var report = HealthReport.From(new StatusSnapshot { Heartbeat = new HeartbeatInfo { EngineAlive = engineAlive, FeedStale = feedStale } });

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo(HealthState.Unhealthy));
            Assert.That(report.Reason, Is.EqualTo(expected));
        });
    }

    [Test]
    public void From_NoSnapshot_IsUnhealthy()
    {
        Assert.That(HealthReport.From(null).Reason, Is.EqualTo(HealthReason.NoSnapshot));
    }
}
