using System.Text;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Tests.Instruments;

public class DecimalScaleWholeStepTests
{
    [TestCase("100", 1)]
    [TestCase("2500", 25)]
    [TestCase("2500.000000000000000000", 25)]
    [TestCase("0.000000000000000000", 0)]
    public void TryParseSteps_WholeNumberStep_ParsesMultiples(string text, long expected)
    {
        var scale = new DecimalScale(100m);
        Assert.That(scale.TryParseSteps(Encoding.ASCII.GetBytes(text), out long steps), Is.True);
        Assert.That(steps, Is.EqualTo(expected));
    }

    [TestCase("150")]
    [TestCase("0.000000000000000001")]
    public void TryParseSteps_WholeNumberStep_RejectsOffGrid(string text)
    {
        var scale = new DecimalScale(100m);
        Assert.That(scale.TryParseSteps(Encoding.ASCII.GetBytes(text), out _), Is.False);
    }
}
