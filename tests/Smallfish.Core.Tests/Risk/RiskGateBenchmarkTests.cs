using Smallfish.Simulation.Benchmarks;

namespace Smallfish.Core.Tests.Risk;

public class RiskGateBenchmarkTests
{
    [Test]
    public void Run_ManyDecisions_AllocatesNothingAndReportsItsCost()
    {
        var result = RiskGateBenchmark.Run(200_000);
        TestContext.Out.WriteLine(result.ToString()); // the figure; never asserted (a benchmark, not a timed test)
        Assert.Multiple(() =>
        {
            Assert.That(result.BytesPerDecision, Is.Zero);
            Assert.That(result.Checksum, Is.GreaterThan(0), "the decisions did size positions");
            Assert.That(result.Decisions, Is.EqualTo(40_000), "five rounds of a fifth each");
        });
    }
}
