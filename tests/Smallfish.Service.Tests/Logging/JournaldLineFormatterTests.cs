using Microsoft.Extensions.Logging;
using Smallfish.Service.Logging;

namespace Smallfish.Service.Tests.Logging;

public sealed class JournaldLineFormatterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [TestCase(LogLevel.Critical, "<2>")]
    [TestCase(LogLevel.Error, "<3>")]
    [TestCase(LogLevel.Warning, "<4>")]
    [TestCase(LogLevel.Information, "<6>")]
    [TestCase(LogLevel.Debug, "<7>")]
    [TestCase(LogLevel.Trace, "<7>")]
    public void Format_Journald_StartsWithThePriorityOfTheLevel(LogLevel level, string prefix)
    {
        string line = JournaldLineFormatter.Format(level, "Cat", "message", null, journald: true, At);

        Assert.That(line, Is.EqualTo(prefix + "Cat: message"));
    }

    [Test]
    public void Format_MultiLineMessageAndException_StaysOnOneLine()
    {
        Exception error;
        try
        {
            throw new InvalidOperationException("first\nsecond");
        }
        catch (InvalidOperationException ex)
        {
            error = ex;
        }

        string line = JournaldLineFormatter.Format(LogLevel.Error, "Cat", "line one\r\n  line two\n", error, journald: true, At);

        Assert.That(line, Does.Not.Contain('\n').And.Not.Contain('\r'));
        Assert.That(line, Does.StartWith("<3>Cat: line one | line two | System.InvalidOperationException: first | second | at "));
    }

    [Test]
    public void Format_Terminal_HasUtcTimeAndLevelWordInsteadOfPriority()
    {
        string line = JournaldLineFormatter.Format(LogLevel.Warning, "Cat", "careful", null, journald: false, At.ToOffset(TimeSpan.FromHours(2)));

        Assert.That(line, Is.EqualTo("2026-03-04 05:06:07.890 warn Cat: careful"));
    }

    [Test]
    public void IsUnderSystemd_JournalStreamOrInvocationId_True()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConsoleLogTarget.IsUnderSystemd(new Dictionary<string, string?> { ["JOURNAL_STREAM"] = "8:12345" }), Is.True);
            Assert.That(ConsoleLogTarget.IsUnderSystemd(new Dictionary<string, string?> { ["INVOCATION_ID"] = "abc" }), Is.True);
            Assert.That(ConsoleLogTarget.IsUnderSystemd(new Dictionary<string, string?> { ["TERM"] = "xterm" }), Is.False);
        });
    }
}
