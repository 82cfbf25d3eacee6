using System.Reflection;
using Smallfish.Core.Metrics;
using Smallfish.Monitoring.Server;

namespace Smallfish.Monitoring.Tests.Architecture;

/// <summary>Monitoring sits at the edge: it depends on the core only, and the core does not know it.</summary>
public class MonitoringReferenceTests
{
    [Test]
    public void MonitoringAssembly_ReferencesNoOtherSmallfishAssemblyThanCore()
    {
        var smallfish = typeof(StatusServer).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("Smallfish", StringComparison.Ordinal) || n == "smallfish" || n == "smallfish-backtest")
            .ToList();

        Assert.That(smallfish, Is.EqualTo(new[] { "Smallfish.Core" }));
    }

    [Test]
    public void CoreAssembly_DoesNotReferenceMonitoring()
    {
        Assembly core = typeof(SmallfishMetrics).Assembly;

        Assert.That(core.GetReferencedAssemblies().Select(a => a.Name), Has.None.EqualTo("Smallfish.Monitoring"));
    }
}
