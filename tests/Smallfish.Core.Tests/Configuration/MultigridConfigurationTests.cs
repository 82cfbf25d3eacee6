using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

/// <summary>The Multigrid section: its defaults, its single-field ranges and its rules between fields, one line each.</summary>
public sealed class MultigridConfigurationTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Load_RepositoryAppsettings_GridDefaults()
    {
        MultigridOptions o = SmallfishConfiguration.Load(_dir.Request()).Options.Multigrid;

        Assert.Multiple(() =>
        {
            Assert.That(o.Enabled, Is.False);
            Assert.That((o.Levels, o.SpacingMode, o.SpacingTicks, o.CenterSource), Is.EqualTo((5, GridSpacingMode.Ticks, 10, GridCenterSource.Vwap)));
            Assert.That((o.SpacingVolatilityMultiple, o.SpacingVolatilityHorizonSeconds, o.MinSpacingTicks, o.MaxSpacingTicks), Is.EqualTo((0.5, 60.0, 1, 100_000)));
            Assert.That((o.RecenterThresholdLevels, o.BiasStrength, o.MaxInventoryLevels), Is.EqualTo((2.0, 0.5, 5)));
            Assert.That((o.GridStopPct, o.GridStopMoney), Is.EqualTo((3.0, 0m)));
            Assert.That((o.MakerFeeBps, o.MinEdgeBps, o.Symbols.Count), Is.EqualTo((2.0, 2.0, 0)));
        });
    }

    [TestCase("Multigrid:Enabled=true;Multigrid:CenterSource=sessionvwap;Multigrid:SpacingMode=volatility;Multigrid:RecenterThresholdLevels=0.5;Multigrid:GridStopMoney=25")]
    [TestCase("Multigrid:SpacingMode=volatility;Multigrid:SpacingTicks=5;Multigrid:MinSpacingTicks=10")] // the fixed spacing is only the fallback there
    [TestCase("Multigrid:MakerFeeBps=-2.5;Multigrid:MinEdgeBps=0.5;Multigrid:Symbols:0=ETHUSDT")] // a maker rebate
    public void Load_ValidGridVariation_HasNoErrors(string settings)
    {
        Assert.That(_dir.Errors(ValidationRuleTests.Parse(settings)), Is.Empty);
    }

    [TestCase("Multigrid:MinSpacingTicks=50;Multigrid:MaxSpacingTicks=40", "Smallfish:Multigrid:MinSpacingTicks", "50",
        "must not exceed Smallfish:Multigrid:MaxSpacingTicks (40)")]
    [TestCase("Multigrid:MinSpacingTicks=20", "Smallfish:Multigrid:SpacingTicks", "10",
        "must lie between Smallfish:Multigrid:MinSpacingTicks (20) and Smallfish:Multigrid:MaxSpacingTicks (100000)")]
    [TestCase("Multigrid:RecenterThresholdLevels=0", "Smallfish:Multigrid:RecenterThresholdLevels", "0", "must be > 0 and <= 100")]
    [TestCase("Multigrid:SpacingVolatilityHorizonSeconds=0", "Smallfish:Multigrid:SpacingVolatilityHorizonSeconds", "0", "must be > 0 and <= 86400")]
    [TestCase("Multigrid:GridStopMoney=-1", "Smallfish:Multigrid:GridStopMoney", "-1", "must be >= 0")]
    [TestCase("Multigrid:MinEdgeBps=0", "Smallfish:Multigrid:MinEdgeBps", "0", "must be > 0 and <= 1000")]
    [TestCase("Multigrid:MakerFeeBps=-20", "Smallfish:Multigrid:MakerFeeBps", "-20", "must be >= -10 and <= 100")]
    [TestCase("Multigrid:CenterSource=last", "Smallfish:Multigrid:CenterSource", "last", "must be one of: vwap, mid, sessionvwap")]
    public void Load_BrokenGridRule_ReportsOneLineWithKeyValueAndRule(string settings, string key, string value, string rule)
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(ValidationRuleTests.Parse(settings));

        Assert.That(errors, Has.Count.EqualTo(1), string.Join(Environment.NewLine, errors));
        Assert.That(errors[0].ToString(), Is.EqualTo($"config error: {key} = '{value}': {rule}"));
    }
}
