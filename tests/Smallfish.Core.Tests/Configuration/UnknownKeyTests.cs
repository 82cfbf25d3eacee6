using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class UnknownKeyTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase("Risk:RiskPerTradePcnt=1", "config error: Smallfish:Risk:RiskPerTradePcnt = '1': unknown key (no such setting under Smallfish:Risk); did you mean Smallfish:Risk:RiskPerTradePct?")]
    [TestCase("Gatez:MaxSpreadTicks=2", "config error: Smallfish:Gatez: unknown key (no such setting under Smallfish); did you mean Smallfish:Gates?")]
    [TestCase("Signals:Obi:FullImbalanse=0.5", "config error: Smallfish:Signals:Obi:FullImbalanse = '0.5': unknown key (no such setting under Smallfish:Signals:Obi); did you mean Smallfish:Signals:Obi:FullImbalance?")]
    [TestCase("Signals:Obi:Code=X", "config error: Smallfish:Signals:Obi:Code = 'X': unknown key (no such setting under Smallfish:Signals:Obi)")]
    [TestCase("Microstructure:DepthLevls=10", "config error: Smallfish:Microstructure:DepthLevls = '10': unknown key (no such setting under Smallfish:Microstructure); did you mean Smallfish:Microstructure:LiqDepthLevels?")]
    [TestCase("PerSymbol:SOLUSDT:Gates:MaxSpredTicks=3", "config error: Smallfish:PerSymbol:SOLUSDT:Gates:MaxSpredTicks = '3': unknown key (no such setting under Smallfish:PerSymbol:SOLUSDT:Gates); did you mean Smallfish:PerSymbol:SOLUSDT:Gates:MaxSpreadTicks?")]
    [TestCase("PerSymbol:SOLUSDT:Multigrid:Levels=3", "config error: Smallfish:PerSymbol:SOLUSDT:Multigrid: unknown key (no such setting under Smallfish:PerSymbol:SOLUSDT)")]
    [TestCase("Instruments:XRPUSDT:TickSz=0.0001", "config error: Smallfish:Instruments:XRPUSDT:TickSz = '0.0001': unknown key (no such setting under Smallfish:Instruments:XRPUSDT); did you mean Smallfish:Instruments:XRPUSDT:TickSize?")]
    [TestCase("Symbols:first=BTCUSDT", "config error: Smallfish:Symbols:first: is not a list index (0, 1, 2, ...)")]
    [TestCase("Symbols=BTCUSDT", "config error: Smallfish:Symbols = 'BTCUSDT': must be a list: set Smallfish:Symbols:0, Smallfish:Symbols:1, ... (environment: __0, __1, ...)")]
    [TestCase("Risk=5", "config error: Smallfish:Risk = '5': must be a section (e.g. Smallfish:Risk:<setting>), not a single value")]
    [TestCase("Gates:MaxSpreadTicks:Value=2", "config error: Smallfish:Gates:MaxSpreadTicks: must be a single value, not a section")]
    public void Load_UnknownOrMisshapenKey_IsRejected(string setting, string expectedLine)
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(ValidationRuleTests.Parse(setting));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { expectedLine }));
    }

    [Test]
    public void Load_UnknownKeyFromEnvironment_NamedAsTheOptionsSpellIt()
    {
        var env = new Dictionary<string, string?> { ["SMALLFISH_RISK__LEVRAGE"] = "5" };

        IReadOnlyList<ConfigurationError> errors = _dir.Errors(environment: env);

        Assert.That(errors.Single().ToString(), Does.StartWith("config error: Smallfish:Risk:LEVRAGE = '5': unknown key (no such setting under Smallfish:Risk); did you mean Smallfish:Risk:Leverage?"));
    }

    [Test]
    public void Load_UnknownKeyInJsonFile_IsRejected()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", """{ "Smallfish": { "Dashbord": { "Enabled": true } } }""");

        IReadOnlyList<ConfigurationError> errors = _dir.Errors();

        Assert.That(errors.Single().Key, Is.EqualTo("Smallfish:Dashbord"));
    }

    [Test]
    public void Load_KeysOutsideSmallfish_AreLeftToTheirOwners()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", """{ "Serilog": { "MinimumLevel": "Debug" }, "Logging": { "LogLevel": { "Default": "Warning" } } }""");

        Assert.That(_dir.Errors(), Is.Empty);
    }

    [Test]
    public void Load_BadKeyAndBrokenRule_BothReportedInTheSameRun()
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(ValidationRuleTests.Parse("Risk:Leverage=x;Gates:MaxSpredTicks=1;Fusion:MinSignals=0"));

        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "Smallfish:Risk:Leverage", "Smallfish:Gates:MaxSpredTicks", "Smallfish:Fusion:MinSignals" }));
    }
}
