using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class OptionsRegistrationTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void AddSmallfishOptions_ValidConfiguration_ResolvesBoundOptionsAndResolver()
    {
        IConfigurationRoot configuration = SmallfishConfiguration.Build(_dir.Request(mode: "ultra",
            overrides: new Dictionary<string, string?> { ["PerSymbol:SOLUSDT:Gates:MaxSpreadTicks"] = "4" }));
        using ServiceProvider provider = new ServiceCollection().AddSmallfishOptions(configuration).BuildServiceProvider();

        SmallfishOptions options = provider.GetRequiredService<IOptions<SmallfishOptions>>().Value;

        Assert.That(options.Risk.RiskPerTradePct, Is.EqualTo(3.5));
        Assert.That(options.ForSymbol("SOLUSDT").Gates.MaxSpreadTicks, Is.EqualTo(4));
        Assert.That(provider.GetRequiredService<SymbolOptionsResolver>().Resolve("SOLUSDT").Gates.MaxSpreadTicks, Is.EqualTo(4));
    }

    [Test]
    public void AddSmallfishOptions_InvalidConfiguration_FailsWithEveryLine()
    {
        IConfigurationRoot configuration = SmallfishConfiguration.Build(_dir.Request(
            overrides: new Dictionary<string, string?> { ["Risk:RiskPerTradePct"] = "-2", ["Risk:Leverage"] = "many", ["Gates:Typo"] = "1" }));
        using ServiceProvider provider = new ServiceCollection().AddSmallfishOptions(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<SmallfishOptions>>().Value);

        Assert.That(ex!.Failures, Is.EquivalentTo(new[]
        {
            "config error: Smallfish:Risk:Leverage = 'many': must be a whole number",
            "config error: Smallfish:Gates:Typo = '1': unknown key (no such setting under Smallfish:Gates)",
            "config error: Smallfish:Risk:RiskPerTradePct = '-2': must be > 0 and <= 100",
        }));
    }

    [Test]
    public void BindAndValidate_PlainConfiguration_ThrowsConfigurationErrors()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smallfish:Symbols:0"] = "BTCUSDT",
            ["Smallfish:Fusion:MinSignals"] = "99",
        }).Build();

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.BindAndValidate(configuration));

        Assert.That(ex!.Errors.Single().Key, Is.EqualTo("Smallfish:Fusion:MinSignals"));
    }
}
