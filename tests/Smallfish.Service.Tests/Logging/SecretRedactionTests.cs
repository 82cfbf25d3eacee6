using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;
using Smallfish.Service.Logging;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Logging;

/// <summary>A configured secret never reaches the console or the log files, even when a component logs it outright.</summary>
public sealed class SecretRedactionTests
{
    private const string ApiKey = "kX9vQ2mZ7pL4wR8tBybitKey";
    private const string ApiSecret = "s3cr3t-Hq7Nf2Lx9Vb4Zt6Yk1";
    private const string BotToken = "123456789:AAFakeTelegramTokenForTests";

    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ServiceDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static Dictionary<string, string?> SecretEnvironment() => new()
    {
        ["BYBIT_API_KEY"] = ApiKey,
        ["BYBIT_API_SECRET"] = ApiSecret,
        ["TELEGRAM_BOT_TOKEN"] = BotToken,
    };

    [Test]
    public async Task ConsoleAndFile_ComponentLogsSecrets_OutputHasNoSecret()
    {
        LoadedSmallfishConfiguration loaded = _dir.Load(new Dictionary<string, string?> { ["Service:FileLogs"] = "true" }, SecretEnvironment());
        var console = new StringWriter();
        using (ILoggerFactory factory = LoggerFactory.Create(logging =>
                   ServiceLogging.Configure(logging, loaded.Options.Service, _dir.DataDirectory, loaded.Scrubber, new ConsoleLogTarget(console, Journald: true))))
        {
            ILogger logger = factory.CreateLogger("Careless.Component");
#pragma warning disable CA1848, CA2254 // deliberately careless logging: this is what the redactor is for
            logger.LogWarning("signing with key {Key} and secret {Secret}", ApiKey, ApiSecret);
            logger.LogInformation($"GET https://api.telegram.org/bot{BotToken}/getMe");
            logger.LogError(new InvalidOperationException("auth failed for " + ApiSecret), "request failed");
#pragma warning restore CA1848, CA2254
        }

        string files = string.Concat(Directory.GetFiles(ServiceLogging.LogDirectory(_dir.DataDirectory)).Select(File.ReadAllText));
        string consoleText = console.ToString();
        Assert.Multiple(() =>
        {
            foreach (string secret in new[] { ApiKey, ApiSecret, BotToken })
            {
                Assert.That(consoleText, Does.Not.Contain(secret));
                Assert.That(files, Does.Not.Contain(secret));
            }

            Assert.That(consoleText.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3), "three entries, one line each");
            Assert.That(files, Does.Contain(SecretsOptions.RedactedText), "the entries were written, masked");
            Assert.That(consoleText, Does.Contain(SecretsOptions.RedactedText));
        });
        await Task.CompletedTask;
    }
}
