using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class EnvironmentLayeringTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Load_SmallfishVariable_OverridesProfileValue()
    {
        var env = new Dictionary<string, string?> { ["SMALLFISH_RISK__RISKPERTRADEPCT"] = "1.25", ["SMALLFISH_GATES__MAXSPREADTICKS"] = "4" };

        SmallfishOptions o = Load("aggressive", env);

        Assert.That(o.Risk.RiskPerTradePct, Is.EqualTo(1.25));
        Assert.That(o.Gates.MaxSpreadTicks, Is.EqualTo(4));
        Assert.That(o.Risk.EquityCapMultiple, Is.EqualTo(8), "the rest of the profile still applies");
    }

    [Test]
    public void Load_CommandLineOverride_WinsOverEnvironment()
    {
        var env = new Dictionary<string, string?> { ["SMALLFISH_RISK__RISKPERTRADEPCT"] = "1.25" };
        var overrides = new Dictionary<string, string?> { ["Smallfish:Risk:RiskPerTradePct"] = "0.75" };

        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request(environment: env, overrides: overrides)).Options;

        Assert.That(o.Risk.RiskPerTradePct, Is.EqualTo(0.75));
    }

    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("TRUE", true)]
    [TestCase("yes", true)]
    public void Load_BybitTestnetVariable_MapsOntoTestnetForBybit(string value, bool expected)
    {
        SmallfishOptions o = Load(null, new() { ["BYBIT_TESTNET"] = value });

        Assert.That(o.Exchange.Testnet, Is.EqualTo(expected));
    }

    [Test]
    public void Load_BinanceVariables_IgnoredWhenTradingBybit()
    {
        SmallfishOptions o = Load(null, new() { ["BINANCE_TESTNET"] = "false", ["BINANCE_API_KEY"] = "binance-key-1", ["BINANCE_API_SECRET"] = "binance-secret-1" });

        Assert.That(o.Exchange.Testnet, Is.True);
        Assert.That(o.Secrets.ApiKey, Is.Empty);
    }

    [Test]
    public void Load_ExchangeBinance_TakesBinanceKeysAndTestnetSwitch()
    {
        var env = new Dictionary<string, string?>
        {
            ["SMALLFISH_EXCHANGE__NAME"] = "Binance",
            ["BINANCE_TESTNET"] = "false",
            ["BINANCE_API_KEY"] = "binance-key-1",
            ["BINANCE_API_SECRET"] = "binance-secret-1",
            ["BYBIT_API_KEY"] = "bybit-key-1",
        };

        SmallfishOptions o = Load(null, env);

        Assert.Multiple(() =>
        {
            Assert.That(o.Exchange.Name, Is.EqualTo(ExchangeName.Binance));
            Assert.That(o.Exchange.Testnet, Is.False);
            Assert.That(o.Secrets.ApiKey, Is.EqualTo("binance-key-1"));
            Assert.That(o.Secrets.ApiSecret, Is.EqualTo("binance-secret-1"));
            Assert.That(o.Exchange.GetActiveEndpoints().RestBaseUrl, Is.EqualTo("https://fapi.binance.com"));
        });
    }

    [Test]
    public void Load_SeedVariables_MapOntoTheirOptions()
    {
        var env = new Dictionary<string, string?>
        {
            ["BYBIT_API_KEY"] = "bybit-key-1",
            ["BYBIT_API_SECRET"] = "bybit-secret-1",
            ["TELEGRAM_BOT_TOKEN"] = "123:telegram-token",
            ["TELEGRAM_CHAT_ID"] = "111, -222",
            ["SMTP_PASSWORD"] = "smtp-password-1",
            ["AUTO_SYMBOLS"] = "5",
        };

        SmallfishOptions o = Load(null, env);

        Assert.Multiple(() =>
        {
            Assert.That(o.Secrets.ApiKey, Is.EqualTo("bybit-key-1"));
            Assert.That(o.Secrets.ApiSecret, Is.EqualTo("bybit-secret-1"));
            Assert.That(o.Secrets.TelegramBotToken, Is.EqualTo("123:telegram-token"));
            Assert.That(o.Secrets.SmtpPassword, Is.EqualTo("smtp-password-1"));
            Assert.That(o.Telegram.AllowedChatIds, Is.EqualTo(new long[] { 111, -222 }));
            Assert.That(o.AutoSymbols.Count, Is.EqualTo(5));
        });
    }

    [Test]
    public void Load_EmptySeedVariables_AreIgnored()
    {
        SmallfishOptions o = Load(null, new() { ["BYBIT_API_KEY"] = "", ["TELEGRAM_CHAT_ID"] = "", ["AUTO_SYMBOLS"] = " ", ["BYBIT_TESTNET"] = "" });

        Assert.That(o.Secrets.ApiKey, Is.Empty);
        Assert.That(o.Telegram.AllowedChatIds, Is.Empty);
        Assert.That(o.AutoSymbols.Count, Is.Zero);
        Assert.That(o.Exchange.Testnet, Is.True);
    }

    [Test]
    public void Load_SmallfishVariable_WinsOverSeedVariableForTheSameKey()
    {
        SmallfishOptions o = Load(null, new() { ["AUTO_SYMBOLS"] = "5", ["SMALLFISH_AUTOSYMBOLS__COUNT"] = "2" });

        Assert.That(o.AutoSymbols.Count, Is.EqualTo(2));
    }

    [Test]
    public void Load_BadSeedVariables_ReportedByVariableName()
    {
        var env = new Dictionary<string, string?> { ["BYBIT_TESTNET"] = "maybe", ["AUTO_SYMBOLS"] = "five", ["TELEGRAM_CHAT_ID"] = "me" };

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request(environment: env)));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "config error: BYBIT_TESTNET = 'maybe': must be true or false (1/0, yes/no, on/off are accepted)",
            "config error: AUTO_SYMBOLS = 'five': must be a whole number of symbols (0 = off)",
            "config error: TELEGRAM_CHAT_ID = 'me': must be one or more chat ids (whole numbers), comma separated",
        }));
    }

    [Test]
    public void Load_SecretsFileInConfigDirectory_SuppliesSecrets()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", """{ "Smallfish": { "Secrets": { "ApiKey": "file-key-1", "ApiSecret": "file-secret-1" } } }""");

        SmallfishOptions o = Load(null, new());

        Assert.That(o.Secrets.HasExchangeCredentials, Is.True);
        Assert.That(o.Secrets.ApiKey, Is.EqualTo("file-key-1"));
    }

    [Test]
    public void Load_EnvironmentVariable_WinsOverSecretsFile()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", """{ "Smallfish": { "Secrets": { "ApiKey": "file-key-1" } } }""");

        SmallfishOptions o = Load(null, new() { ["BYBIT_API_KEY"] = "env-key-1" });

        Assert.That(o.Secrets.ApiKey, Is.EqualTo("env-key-1"));
    }

    [Test]
    public void Load_DotEnvInDataDirectory_SuppliesVariablesBelowTheRealEnvironment()
    {
        _dir.WriteDataFile(".env", """
            # secrets for the test
            export BYBIT_API_KEY="dotenv-key-1"
            BYBIT_API_SECRET='dotenv-secret-1'
            SMALLFISH_MODE=aggressive
            TELEGRAM_BOT_TOKEN=dotenv-token-1 # trailing comment
            """);

        SmallfishOptions o = Load(null, new() { ["BYBIT_API_SECRET"] = "real-secret-1" });

        Assert.Multiple(() =>
        {
            Assert.That(o.Secrets.ApiKey, Is.EqualTo("dotenv-key-1"));
            Assert.That(o.Secrets.ApiSecret, Is.EqualTo("real-secret-1"));
            Assert.That(o.Secrets.TelegramBotToken, Is.EqualTo("dotenv-token-1"));
            Assert.That(o.Mode, Is.EqualTo(TradingMode.Aggressive), "a .env may choose the mode");
            Assert.That(o.Risk.RiskPerTradePct, Is.EqualTo(2.5));
        });
    }

    [Test]
    public void Load_MalformedDotEnvLine_ReportedWithoutItsContent()
    {
        _dir.WriteDataFile(".env", "BYBIT_API_KEY=ok-key-1\nthis line holds s3cr3t-value\n");

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request()));

        string line = ex!.Errors.Single().ToString();
        Assert.That(line, Does.EndWith(".env:2: is not a NAME=value line"));
        Assert.That(line, Does.Not.Contain("s3cr3t"));
    }

    [Test]
    public void Load_RelativeDirectories_ResolvedAgainstWorkingAndDataDirectory()
    {
        var overrides = new Dictionary<string, string?> { ["Journal:DataDirectory"] = "state", ["Recorder:Directory"] = "rec" };

        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request(overrides: overrides)).Options;

        Assert.That(o.Journal.DataDirectory, Is.EqualTo(Path.Combine(_dir.Root, "state")));
        Assert.That(o.Recorder.Directory, Is.EqualTo(Path.Combine(_dir.Root, "state", "rec")));
    }

    private SmallfishOptions Load(string? mode, Dictionary<string, string?> environment) =>
        SmallfishConfiguration.Load(_dir.Request(mode: mode, environment: environment)).Options;
}
