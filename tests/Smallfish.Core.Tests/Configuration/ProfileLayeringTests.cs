using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class ProfileLayeringTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    // mode, risk %, R:R, equity cap, partial TP, min signals, C_enter, cooldown s, leverage
    [TestCase("conservative", TradingMode.Conservative, 0.5, 1.4, 3.0, false, 5, 0.58, 10, 10)]
    [TestCase("balanced", TradingMode.Balanced, 1.5, 2.0, 5.0, false, 4, 0.55, 5, 10)]
    [TestCase("aggressive", TradingMode.Aggressive, 2.5, 2.4, 8.0, true, 3, 0.55, 5, 10)]
    [TestCase("ultra", TradingMode.Ultra, 3.5, 2.8, 15.0, true, 3, 0.52, 3, 15)]
    public void Load_Mode_LayersTheProfileValues(
        string mode, TradingMode expectedMode, double riskPct, double rewardRisk, double cap, bool partial,
        int minSignals, double enterConfidence, int cooldownSeconds, int leverage)
    {
        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request(mode: mode)).Options;

        Assert.Multiple(() =>
        {
            Assert.That(o.Mode, Is.EqualTo(expectedMode));
            Assert.That(o.Risk.RiskPerTradePct, Is.EqualTo(riskPct));
            Assert.That(o.Risk.RewardRisk, Is.EqualTo(rewardRisk));
            Assert.That(o.Risk.EquityCapMultiple, Is.EqualTo(cap));
            Assert.That(o.Risk.PartialTakeProfit.Enabled, Is.EqualTo(partial));
            Assert.That(o.Risk.PartialTakeProfit.Fraction, Is.EqualTo(0.5));
            Assert.That(o.Risk.PartialTakeProfit.AtRMultiple, Is.EqualTo(1.0));
            Assert.That(o.Fusion.MinSignals, Is.EqualTo(minSignals));
            Assert.That(o.Fusion.EnterConfidence, Is.EqualTo(enterConfidence));
            Assert.That(o.Gates.CooldownAfterLossSeconds, Is.EqualTo(cooldownSeconds));
            Assert.That(o.Risk.Leverage, Is.EqualTo(leverage));
            // What a profile does not name stays at the base value.
            Assert.That(o.Gates.MaxSpreadTicks, Is.EqualTo(2));
            Assert.That(o.Risk.DailyLossLimitR, Is.EqualTo(10));
        });
    }

    [TestCase("AGGRESSIVE")]
    [TestCase("Aggressive")]
    [TestCase(" aggressive ")]
    public void Load_ModeInAnyCase_SelectsTheProfile(string mode)
    {
        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request(mode: mode)).Options;

        Assert.That(o.Mode, Is.EqualTo(TradingMode.Aggressive));
        Assert.That(o.Risk.RiskPerTradePct, Is.EqualTo(2.5));
    }

    [Test]
    public void Load_ModeFromConfiguration_SelectsTheProfileWithoutCommandLine()
    {
        var env = new Dictionary<string, string?> { ["SMALLFISH_MODE"] = "ultra" };

        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request(environment: env)).Options;

        Assert.That(o.Mode, Is.EqualTo(TradingMode.Ultra));
        Assert.That(o.Risk.EquityCapMultiple, Is.EqualTo(15));
    }

    [TestCase("turbo")]
    [TestCase("3")]
    [TestCase("")]
    public void Build_UnknownMode_IsAnErrorNamingTheModeKey(string mode)
    {
        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Build(_dir.Request(mode: mode)));

        Assert.That(ex!.Errors, Has.Count.EqualTo(1));
        Assert.That(ex.Errors[0].Key, Is.EqualTo("Smallfish:Mode"));
        Assert.That(ex.Errors[0].Rule, Is.EqualTo("must be one of: conservative, balanced, aggressive, ultra"));
    }

    [Test]
    public void Load_UnknownMode_ReportedOnceWithOtherErrors()
    {
        var request = _dir.Request(mode: "turbo", overrides: new Dictionary<string, string?> { ["Gates:MaxSpreadTicks"] = "0" });

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(request));

        Assert.That(ex!.Errors.Select(e => e.Key), Is.EquivalentTo(new[] { "Smallfish:Mode", "Smallfish:Gates:MaxSpreadTicks" }));
    }

    [Test]
    public void Load_MissingProfileFile_IsAnError()
    {
        File.Delete(Path.Combine(_dir.ConfigDirectory, "appsettings.Ultra.json"));

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request(mode: "ultra")));

        Assert.That(ex!.Errors.Single().ToString(), Does.Contain("appsettings.Ultra.json: file not found"));
    }
}
