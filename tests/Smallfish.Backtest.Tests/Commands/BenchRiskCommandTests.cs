using System.CommandLine;

namespace Smallfish.Backtest.Tests.Commands;

public class BenchRiskCommandTests
{
    [Test]
    public void BenchRisk_SmallRun_PrintsTheCostAndZeroBytes()
    {
        var output = new StringWriter();
        var parse = Program.BuildRootCommand().Parse(["bench", "risk", "--decisions", "50000"]);
        parse.InvocationConfiguration.Output = output;

        int code = parse.Invoke();

        string text = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(text, Does.Contain("ns/decision (gates)"));
            Assert.That(text, Does.Contain("ns/decision (gates + sizing)"));
            Assert.That(text, Does.Contain(Environment.NewLine + "0 bytes/decision"));
        });
    }

    [Test]
    public void BenchRisk_TooFewDecisions_IsAParseError()
    {
        var parse = Program.BuildRootCommand().Parse(["bench", "risk", "--decisions", "2"]);
        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains("--decisions must be at least 5"));
    }
}
