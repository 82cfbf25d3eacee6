using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class SecretRedactionTests
{
    private const string ApiKey = "K3y-5ecret-Value-0001";
    private const string ApiSecret = "S3cret-Value-0002";
    private const string Token = "123456:Telegram-Token-0003";
    private const string Password = "Smtp-Password-0004";

    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void ToString_SecretsSet_ShowsOnlyThatTheyAreSet()
    {
        var secrets = new SecretsOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, TelegramBotToken = Token };

        string text = secrets.ToString();

        Assert.That(text, Is.EqualTo("ApiKey=*** ApiSecret=*** TelegramBotToken=*** SmtpPassword=(not set)"));
    }

    [TestCase(null, "(not set)")]
    [TestCase("", "(not set)")]
    [TestCase("x", "***")]
    [TestCase(ApiKey, "***")]
    public void Redact_Value_NeverReturnsAnyPartOfIt(string? value, string expected)
    {
        Assert.That(SecretsOptions.Redact(value), Is.EqualTo(expected));
    }

    [Test]
    public void DescribeEffectiveConfiguration_SecretsSet_PrintsThemRedacted()
    {
        LoadedSmallfishConfiguration loaded = SmallfishConfiguration.Load(_dir.Request(environment: SecretEnvironment()));

        IReadOnlyList<string> lines = loaded.DescribeEffectiveConfiguration();

        Assert.That(lines, Does.Contain("Smallfish:Secrets:ApiKey = ***"));
        Assert.That(lines, Does.Contain("Smallfish:Secrets:SmtpPassword = ***"));
        AssertNoSecret(lines);
    }

    [Test]
    public void DescribeEffectiveConfiguration_SecretPastedIntoOrdinaryKey_IsScrubbed()
    {
        var overrides = new Dictionary<string, string?> { ["Email:From"] = ApiKey, ["Telegram:ApiBaseUrl"] = "https://x.example/" + Token };

        LoadedSmallfishConfiguration loaded = SmallfishConfiguration.Load(_dir.Request(environment: SecretEnvironment(), overrides: overrides));

        IReadOnlyList<string> lines = loaded.DescribeEffectiveConfiguration();
        Assert.That(lines, Does.Contain("Smallfish:Email:From = ***"));
        AssertNoSecret(lines);
    }

    [Test]
    public void Load_ErrorsAboutSecrets_NeverShowTheSecret()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Secrets:ApiKee"] = ApiKey,                // typo under Secrets
            ["Telegram:BotToken"] = Token,              // a secret put in the wrong section
            ["Email:SmtpPort"] = Password,              // a secret in a numeric field
            ["Status:BindAddress"] = ApiSecret,         // a secret where an address belongs
        };

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request(environment: SecretEnvironment(), overrides: overrides)));

        Assert.That(ex!.Errors, Has.Count.EqualTo(4));
        AssertNoSecret(ex.Errors.Select(e => e.ToString()));
        AssertNoSecret([ex.Message]);
        Assert.That(ex.Errors.Select(e => e.ToString()), Has.Some.EqualTo(
            "config error: Smallfish:Secrets:ApiKee = '***': unknown key (no such setting under Smallfish:Secrets); did you mean Smallfish:Secrets:ApiKey?"));
    }

    [Test]
    public void Load_MalformedSecretsFile_ReportedWithoutItsContent()
    {
        _dir.WriteConfigFile("appsettings.Secrets.json", "{ \"Smallfish\": { \"Secrets\": { \"ApiKey\": " + ApiKey + " } } }");

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request()));

        Assert.That(ex!.Errors.Single().ToString(), Does.Contain("appsettings.Secrets.json: is not valid JSON (line 1"));
        AssertNoSecret([ex.Message]);
    }

    internal static Dictionary<string, string?> SecretEnvironment() => new()
    {
        ["BYBIT_API_KEY"] = ApiKey,
        ["BYBIT_API_SECRET"] = ApiSecret,
        ["TELEGRAM_BOT_TOKEN"] = Token,
        ["SMTP_PASSWORD"] = Password,
    };

    internal static void AssertNoSecret(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            foreach (string secret in new[] { ApiKey, ApiSecret, Token, Password })
            {
                Assert.That(text, Does.Not.Contain(secret));
            }
        }
    }
}
