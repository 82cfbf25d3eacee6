using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class PerSymbolOverrideTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Resolve_OverrideSubset_ChangesOnlyTheKeysPresent()
    {
        LoadedSmallfishConfiguration loaded = Load(new()
        {
            ["PerSymbol:SOLUSDT:Gates:MaxSpreadTicks"] = "3",
            ["PerSymbol:SOLUSDT:Signals:Obi:FullImbalance"] = "0.7",
            ["PerSymbol:SOLUSDT:Risk:RiskPerTradePct"] = "0.75",
        }, mode: "aggressive");

        SymbolScopedOptions sol = loaded.Resolver.Resolve("SOLUSDT");

        Assert.Multiple(() =>
        {
            Assert.That(sol.Gates.MaxSpreadTicks, Is.EqualTo(3));
            Assert.That(sol.Signals.Obi.FullImbalance, Is.EqualTo(0.7));
            Assert.That(sol.Risk.RiskPerTradePct, Is.EqualTo(0.75));
            // Everything else is the base (profile-layered) value.
            Assert.That(sol.Gates.MaxFeedLatencyMs, Is.EqualTo(80));
            Assert.That(sol.Signals.Obi.Weight, Is.EqualTo(0.22));
            Assert.That(sol.Risk.RewardRisk, Is.EqualTo(2.4));
            Assert.That(sol.Fusion.MinSignals, Is.EqualTo(3));
            Assert.That(sol.Risk.DrawdownTiers, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Resolve_SymbolWithoutOverride_ReturnsBaseValuesAsANewCopy()
    {
        LoadedSmallfishConfiguration loaded = Load(new() { ["PerSymbol:SOLUSDT:Gates:MaxSpreadTicks"] = "3" });

        SymbolScopedOptions btc = loaded.Resolver.Resolve("BTCUSDT");
        btc.Gates.MaxSpreadTicks = 99;

        Assert.That(loaded.Resolver.Resolve("BTCUSDT").Gates.MaxSpreadTicks, Is.EqualTo(2));
        Assert.That(loaded.Options.Gates.MaxSpreadTicks, Is.EqualTo(2));
    }

    [Test]
    public void Resolve_SymbolCase_DoesNotMatter()
    {
        LoadedSmallfishConfiguration loaded = Load(new() { ["PerSymbol:SOLUSDT:Gates:MaxSpreadTicks"] = "3" });

        Assert.That(loaded.Resolver.Resolve("solusdt").Gates.MaxSpreadTicks, Is.EqualTo(3));
        Assert.That(loaded.Options.ForSymbol("SolUsdt").Gates.MaxSpreadTicks, Is.EqualTo(3));
    }

    [Test]
    public void Resolve_ListInOverride_ReplacesTheBaseListWhole()
    {
        LoadedSmallfishConfiguration loaded = Load(new()
        {
            ["PerSymbol:DOGEUSDT:Risk:DrawdownTiers:0:DrawdownPct"] = "3",
            ["PerSymbol:DOGEUSDT:Risk:DrawdownTiers:0:SizeMultiplier"] = "0.5",
            ["PerSymbol:DOGEUSDT:Risk:DrawdownTiers:1:DrawdownPct"] = "6",
            ["PerSymbol:DOGEUSDT:Risk:DrawdownTiers:1:SizeMultiplier"] = "0",
        });

        List<DrawdownTierOptions> tiers = loaded.Resolver.Resolve("DOGEUSDT").Risk.DrawdownTiers;

        Assert.That(tiers.ConvertAll(t => (t.DrawdownPct, t.SizeMultiplier)), Is.EqualTo(new[] { (3.0, 0.5), (6.0, 0.0) }));
        Assert.That(loaded.Options.Risk.DrawdownTiers, Has.Count.EqualTo(4));
    }

    [Test]
    public void Load_PerSymbolOptions_HoldEffectiveValues()
    {
        SmallfishOptions o = Load(new() { ["PerSymbol:ETHUSDT:Fusion:EnterConfidence"] = "0.6" }).Options;

        Assert.That(o.PerSymbol.Keys, Is.EquivalentTo(new[] { "ETHUSDT" }));
        Assert.That(o.ForSymbol("ETHUSDT").Fusion.EnterConfidence, Is.EqualTo(0.6));
        Assert.That(o.ForSymbol("ETHUSDT").Fusion.MinSignals, Is.EqualTo(4));
        Assert.That(o.ForSymbol("BTCUSDT").Fusion.EnterConfidence, Is.EqualTo(0.55));
    }

    [Test]
    public void Resolve_OverrideFromJsonFile_WorksLikeAnyLayer()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", """{ "Smallfish": { "PerSymbol": { "SOLUSDT": { "Routing": { "MaxReprices": 1 } } } } }""");

        LoadedSmallfishConfiguration loaded = Load(new());

        Assert.That(loaded.Resolver.OverriddenSymbols, Is.EqualTo(new[] { "SOLUSDT" }));
        Assert.That(loaded.Resolver.Resolve("SOLUSDT").Routing.MaxReprices, Is.EqualTo(1));
    }

    [Test]
    public void Resolve_OnAPlainConfiguration_BindsBaseThenOverride()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smallfish:Gates:MaxSpreadTicks"] = "5",
            ["Smallfish:Gates:BookStaleMs"] = "900",
            ["Smallfish:PerSymbol:XRPUSDT:Gates:MaxSpreadTicks"] = "7",
        }).Build();

        GatesOptions gates = new SymbolOptionsResolver(configuration).Resolve("XRPUSDT").Gates;

        Assert.That(gates.MaxSpreadTicks, Is.EqualTo(7));
        Assert.That(gates.BookStaleMs, Is.EqualTo(900));
        Assert.That(gates.MaxFeedLatencyMs, Is.EqualTo(new GatesOptions().MaxFeedLatencyMs));
    }

    [Test]
    public void DescribeEffectiveConfiguration_PerSymbol_ShowsOnlyWhatDiffers()
    {
        LoadedSmallfishConfiguration loaded = Load(new()
        {
            ["PerSymbol:SOLUSDT:Gates:MaxSpreadTicks"] = "3",
            ["PerSymbol:SOLUSDT:Gates:MaxFeedLatencyMs"] = "80",
            ["PerSymbol:SOLUSDT:Risk:DrawdownTiers:0:DrawdownPct"] = "4",
            ["PerSymbol:SOLUSDT:Risk:DrawdownTiers:0:SizeMultiplier"] = "0",
        });

        string[] lines = loaded.DescribeEffectiveConfiguration().Where(l => l.StartsWith("Smallfish:PerSymbol", StringComparison.Ordinal)).ToArray();

        Assert.That(lines, Is.EqualTo(new[]
        {
            "Smallfish:PerSymbol:SOLUSDT:Gates:MaxSpreadTicks = 3",
            "Smallfish:PerSymbol:SOLUSDT:Risk:DrawdownTiers:0:DrawdownPct = 4",
            "Smallfish:PerSymbol:SOLUSDT:Risk:DrawdownTiers:0:SizeMultiplier = 0",
        }));
    }

    [Test]
    public void Load_PerSymbolOverrideBreakingARule_NamesThePerSymbolKey()
    {
        var ex = Assert.Throws<ConfigurationErrors>(() => Load(new()
        {
            ["PerSymbol:SOLUSDT:Signals:Obi:Weight"] = "0.5",
            ["PerSymbol:SOLUSDT:Fusion:MinSignals"] = "20",
        }));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "config error: Smallfish:PerSymbol:SOLUSDT:Fusion:MinSignals = '20': must be >= 1 and <= 13",
            "config error: Smallfish:PerSymbol:SOLUSDT:Signals = '1.28': the Weight values of the 13 enabled signals must sum to 1 (tolerance 1e-6)",
        }));
    }

    [Test]
    public void Load_BaseError_IsNotRepeatedForEverySymbol()
    {
        var ex = Assert.Throws<ConfigurationErrors>(() => Load(new()
        {
            ["Gates:MaxSpreadTicks"] = "0",
            ["PerSymbol:SOLUSDT:Gates:BookStaleMs"] = "500",
            ["PerSymbol:ETHUSDT:Routing:MaxReprices"] = "1",
        }));

        Assert.That(ex!.Errors.Select(e => e.Key), Is.EqualTo(new[] { "Smallfish:Gates:MaxSpreadTicks" }));
    }

    private LoadedSmallfishConfiguration Load(Dictionary<string, string?> overrides, string? mode = null) =>
        SmallfishConfiguration.Load(_dir.Request(mode: mode, overrides: overrides));
}
