using Smallfish.Core.Configuration;

namespace Smallfish.Core.Tests.MarketData;

public class MicrostructureOptionsTests
{
    [Test]
    public void Validate_Defaults_NoErrors()
    {
        Assert.That(new MicrostructureOptions().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_BadValues_OneLinePerRuleNamingKeyAndValue()
    {
        var o = new MicrostructureOptions { LargeTradePercentile = 1.5, EmaSlowMs = 500, TapeWindowsMs = [1_000, 0] };
        var errors = o.Validate();
        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.Some.EqualTo("Microstructure:LargeTradePercentile = 1.5: must be in (0, 1)"));
        Assert.That(errors, Has.Some.StartsWith("Microstructure:EmaSlowMs = 500:"));
        Assert.That(errors, Has.Some.StartsWith("Microstructure:TapeWindowsMs = 0:"));
    }
}
