using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.MarketData;

public class MicrostructureOptionsTests
{
    [Test]
    public void ValidateAndAnnotations_Defaults_NoErrors()
    {
        var o = new MicrostructureOptions();
        Assert.That(o.Validate(), Is.Empty);
        foreach (var p in typeof(MicrostructureOptions).GetProperties())
        {
            foreach (var a in p.GetCustomAttributes<ValidationAttribute>())
            {
                Assert.That(a.IsValid(p.GetValue(o)), Is.True, p.Name);
            }
        }
    }

    [Test]
    public void Validate_CrossFieldRulesBroken_OneEntryPerRuleWithFullKey()
    {
        var o = new MicrostructureOptions { EmaSlowMs = 500, LargeTradeMinSamples = 5_000, TapeWindowsMs = [1_000, 0] };
        var errors = o.Validate();
        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.Member(("Smallfish:Microstructure:EmaSlowMs", "500", "must be greater than Smallfish:Microstructure:EmaFastMs (1000)")));
        Assert.That(errors, Has.Member(("Smallfish:Microstructure:TapeWindowsMs:1", "0", "must be > 0")));
        Assert.That(errors, Has.Member(("Smallfish:Microstructure:LargeTradeMinSamples", "5000", "must not exceed Smallfish:Microstructure:LargeTradeLookbackTrades (2000)")));
    }

    [Test]
    public void Annotations_OutOfRangeValue_Rejected()
    {
        var attribute = typeof(MicrostructureOptions).GetProperty(nameof(MicrostructureOptions.LargeTradePercentile))!.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>()!;
        Assert.That(attribute.IsValid(1.0), Is.False);
        Assert.That(attribute.IsValid(0.95), Is.True);
    }

    [Test]
    public void EffectiveTapeWindowsMs_EmptyOrConfigured_DefaultsOnlyWhenEmpty()
    {
        Assert.That(new MicrostructureOptions().EffectiveTapeWindowsMs, Is.EqualTo(new long[] { 1_000, 5_000, 30_000, 60_000 }));
        var tape = new TradeTape(new MicrostructureOptions { TapeWindowsMs = [2_000] });
        Assert.That(tape.WindowCount, Is.EqualTo(1));
        Assert.That(tape.WindowMs(0), Is.EqualTo(2_000));
    }
}
