using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class ValidationRuleTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static IEnumerable<TestCaseData> BrokenRules()
    {
        static TestCaseData Case(string name, string settings, string key, string? value, string rule) =>
            new TestCaseData(settings, key, value, rule).SetName("Load_" + name + "_ReportsKeyValueAndRule");

        yield return Case("NegativeRisk", "Risk:RiskPerTradePct=-1", "Smallfish:Risk:RiskPerTradePct", "-1", "must be > 0 and <= 100");
        yield return Case("RiskAbove100", "Risk:RiskPerTradePct=100.5", "Smallfish:Risk:RiskPerTradePct", "100.5", "must be > 0 and <= 100");
        yield return Case("WeightsNotSummingToOne", "Signals:Obi:Weight=0.3", "Smallfish:Signals", "1.08",
            "the Weight values of the 13 enabled signals must sum to 1 (tolerance 1e-6)");
        yield return Case("DisabledSignalLeavesWeightsShort", "Signals:Ice:Enabled=false", "Smallfish:Signals", "0.97",
            "the Weight values of the 12 enabled signals must sum to 1 (tolerance 1e-6)");
        yield return Case("UnknownExchange", "Exchange:Name=kraken", "Smallfish:Exchange:Name", "kraken", "must be one of: bybit, binance");
        yield return Case("ExchangeByNumber", "Exchange:Name=1", "Smallfish:Exchange:Name", "1", "must be one of: bybit, binance");
        yield return Case("UnknownMode", "Mode=turbo", "Smallfish:Mode", "turbo", "must be one of: conservative, balanced, aggressive, ultra");
        yield return Case("MinSignalsZero", "Fusion:MinSignals=0", "Smallfish:Fusion:MinSignals", "0", "must be >= 1 and <= 13");
        yield return Case("MinSignalsFourteen", "Fusion:MinSignals=14", "Smallfish:Fusion:MinSignals", "14", "must be >= 1 and <= 13");
        yield return Case("MinSignalsAboveEnabled", "Fusion:MinSignals=13;Signals:Regime:Enabled=false;Signals:Obi:Weight=0.24",
            "Smallfish:Fusion:MinSignals", "13", "must not exceed the number of enabled signals (12)");
        yield return Case("EnterConfidenceOne", "Fusion:EnterConfidence=1", "Smallfish:Fusion:EnterConfidence", "1", "must be > 0 and < 1");
        yield return Case("EnterConfidenceZero", "Fusion:EnterConfidence=0", "Smallfish:Fusion:EnterConfidence", "0", "must be > 0 and < 1");
        yield return Case("DrawdownTiersNotIncreasing", "Risk:DrawdownTiers:2:DrawdownPct=10", "Smallfish:Risk:DrawdownTiers:2:DrawdownPct", "10",
            "drawdown tiers must be strictly increasing: must be greater than the previous tier's DrawdownPct (10)");
        yield return Case("DrawdownTierSizingUp", "Risk:DrawdownTiers:1:SizeMultiplier=0.9", "Smallfish:Risk:DrawdownTiers:1:SizeMultiplier", "0.9",
            "a deeper drawdown tier must not size up: must be at most the previous tier's SizeMultiplier (0.75)");
        yield return Case("StatusOnAllInterfaces", "Status:BindAddress=0.0.0.0", "Smallfish:Status:BindAddress", "0.0.0.0",
            "is not a loopback address; the status endpoint listens beyond this machine only with Smallfish:Status:AllowNonLoopback = true");
        yield return Case("StatusOnHostName", "Status:BindAddress=pi.local", "Smallfish:Status:BindAddress", "pi.local", "must be an IP address or localhost");
        yield return Case("NotANumber", "Risk:Leverage=ten", "Smallfish:Risk:Leverage", "ten", "must be a whole number");
        yield return Case("DecimalComma", "Risk:RewardRisk=2,5", "Smallfish:Risk:RewardRisk", "2,5", "must be a number with '.' as decimal separator, e.g. 1.5");
        yield return Case("NotABoolean", "Risk:MoveStopToBreakEven=maybe", "Smallfish:Risk:MoveStopToBreakEven", "maybe", "must be true or false");
        yield return Case("NotATime", "Email:DailySummaryTimeUtc=25:00", "Smallfish:Email:DailySummaryTimeUtc", "25:00", "must be a time of day, e.g. 23:55");
        yield return Case("CancelAboveEntry", "Routing:CancelWhenConfidenceBelow=0.6", "Smallfish:Routing:CancelWhenConfidenceBelow", "0.6",
            "must be less than Smallfish:Fusion:EnterConfidence (0.55)");
        yield return Case("PartialBeyondTarget", "Risk:PartialTakeProfit:Enabled=true;Risk:PartialTakeProfit:AtRMultiple=2", "Smallfish:Risk:PartialTakeProfit:AtRMultiple", "2",
            "must be less than Smallfish:Risk:RewardRisk (2), or the full take-profit fills first");
        yield return Case("LeverageBelowCap", "Risk:Leverage=4", "Smallfish:Risk:Leverage", "4",
            "must be at least Smallfish:Risk:EquityCapMultiple (5), or the equity cap cannot be margined");
        yield return Case("StopFloorAboveCeiling", "Risk:Stop:MinBps=60", "Smallfish:Risk:Stop:MinBps", "60",
            "must be at most Smallfish:Risk:Stop:MaxBps (50)");
        yield return Case("UnknownTakeProfitType", "Risk:TakeProfitOrderType=trailing", "Smallfish:Risk:TakeProfitOrderType", "trailing", "must be one of: limit, market");
        yield return Case("RegimeHighAboveExtreme", "Signals:Regime:HighRatio=5", "Smallfish:Signals:Regime:HighRatio", "5",
            "must be less than Smallfish:Signals:Regime:ExtremeRatio (4)");
        yield return Case("ObiPartsAboveOne", "Signals:Obi:RateOfChangeWeight=0.97", "Smallfish:Signals:Obi:RateOfChangeWeight", "0.97",
            "plus Smallfish:Signals:Obi:MicroPriceWeight (0.05) must not exceed 1");
        yield return Case("SpoofUsualAboveFull", "Signals:Prt:UsualScore=0.95", "Smallfish:Signals:Prt:UsualScore", "0.95",
            "must be less than Smallfish:Signals:Prt:FullScore (0.9)");
        yield return Case("LowerCaseSymbol", "Symbols:1=ethusdt", "Smallfish:Symbols:1", "ethusdt", "must be an exchange symbol in upper case, e.g. BTCUSDT");
        yield return Case("DuplicateSymbol", "Symbols:1=BTCUSDT", "Smallfish:Symbols:1", "BTCUSDT", "is listed twice");
        yield return Case("ZeroTick", "Instruments:BTCUSDT:TickSize=0", "Smallfish:Instruments:BTCUSDT:TickSize", "0", "must be > 0");
        yield return Case("BadRestUrl", "Exchange:Bybit:Testnet:RestBaseUrl=ftp://x", "Smallfish:Exchange:Bybit:Testnet:RestBaseUrl", "ftp://x",
            "must be empty or an absolute http or https URL");
        yield return Case("TelegramWithoutChat", "Telegram:Enabled=true", "Smallfish:Telegram:AllowedChatIds", "(empty)",
            "at least one chat id is required when Smallfish:Telegram:Enabled is true (TELEGRAM_CHAT_ID)");
        yield return Case("EmailWithoutHost", "Email:Enabled=true;Email:From=bot@example.org;Email:To:0=me@example.org", "Smallfish:Email:SmtpHost", "",
            "is required when Smallfish:Email:Enabled is true");
        yield return Case("BackoffInverted", "WebSocket:ReconnectBackoffMinMs=60000", "Smallfish:WebSocket:ReconnectBackoffMinMs", "60000",
            "must not exceed Smallfish:WebSocket:ReconnectBackoffMaxMs (30000)");
        yield return Case("EmptyDataDirectory", "Journal:DataDirectory=", "Smallfish:Journal:DataDirectory", "", "is required (must not be empty)");
    }

    [TestCaseSource(nameof(BrokenRules))]
    public void Load_BrokenRule_ReportsOneLineWithKeyValueAndRule(string settings, string key, string? value, string rule)
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(Parse(settings));

        Assert.That(errors, Has.Count.EqualTo(1), string.Join(Environment.NewLine, errors));
        Assert.That(errors[0], Is.EqualTo(new ConfigurationError(key, value, rule)));
        string line = errors[0].ToString();
        Assert.That(line, Is.EqualTo($"config error: {key} = '{value}': {rule}"));
        Assert.That(line, Does.Not.Contain('\n'));
    }

    [TestCase("Status:BindAddress=::1")]
    [TestCase("Status:BindAddress=localhost")]
    [TestCase("Status:BindAddress=0.0.0.0;Status:AllowNonLoopback=true")]
    [TestCase("Signals:Ice:Enabled=false;Signals:Obi:Weight=0.25")]
    [TestCase("Exchange:Name=BINANCE;Mode=Ultra")]
    [TestCase("Risk:DrawdownTiers:0:DrawdownPct=1")]
    [TestCase("Email:Enabled=true;Email:SmtpHost=smtp.example.org;Email:From=bot@example.org;Email:To:0=me@example.org")]
    [TestCase("Telegram:Enabled=true;Telegram:AllowedChatIds:0=42")]
    public void Load_ValidVariation_HasNoErrors(string settings)
    {
        Assert.That(_dir.Errors(Parse(settings)), Is.Empty);
    }

    [Test]
    public void Load_SeveralProblems_AllReportedAtOnceInOneLineEach()
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(Parse(
            "Risk:RiskPerTradePct=-1;Gates:MaxFeedLatencyMs=0;Fusion:EnterConfidence=1.5;Risk:Levrage=5;Exchange:Name=ftx;Status:BindAddress=10.0.0.2"));

        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[]
        {
            "Smallfish:Risk:RiskPerTradePct", "Smallfish:Gates:MaxFeedLatencyMs", "Smallfish:Fusion:EnterConfidence",
            "Smallfish:Risk:Levrage", "Smallfish:Exchange:Name", "Smallfish:Status:BindAddress",
        }));
    }

    [Test]
    public void Load_ValueWithLineBreak_StaysOnOneLine()
    {
        IReadOnlyList<ConfigurationError> errors = _dir.Errors(Parse("Status:BindAddress=1.2.3.4\nevil"));

        Assert.That(errors.Single().ToString(), Is.EqualTo("config error: Smallfish:Status:BindAddress = '1.2.3.4\\nevil': must be an IP address or localhost"));
    }

    [Test]
    public void Report_Errors_WritesEachLineAndReturnsExitCodeTwo()
    {
        var errors = new ConfigurationErrors([
            new ConfigurationError("Smallfish:Risk:RiskPerTradePct", "-1", "must be > 0 and <= 100"),
            new ConfigurationError("Smallfish:Risk:RiskPerTradePct", "-1", "must be > 0 and <= 100"),
            new ConfigurationError("Smallfish:Gates", null, "unknown key"),
        ]);
        using var writer = new StringWriter();

        int code = ConfigurationErrorReporter.Report(errors, writer);

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(lines, Is.EqualTo(new[]
        {
            "config error: Smallfish:Risk:RiskPerTradePct = '-1': must be > 0 and <= 100",
            "config error: Smallfish:Gates: unknown key",
            "smallfish: 2 configuration errors; nothing was started (exit code 2)",
        }));
    }

    internal static Dictionary<string, string?> Parse(string settings)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in settings.Split(';'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            overrides[pair[..equals]] = pair[(equals + 1)..];
        }

        return overrides;
    }
}
