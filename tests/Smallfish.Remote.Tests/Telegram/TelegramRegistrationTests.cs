using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smallfish.Core.Time;
using Smallfish.Remote.Telegram;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Telegram;

/// <summary>The DI registration: validated options, and an HttpClient whose factory logging cannot print the token.</summary>
public class TelegramRegistrationTests
{
    [Test]
    public async Task AddSmallfishTelegramClient_RequestsThroughFactory_NeverLogTheTokenEvenAtTrace()
    {
        var clock = new SimulatedClock(TelegramHarness.StartNs);
        await using var server = await FakeTelegramServer.StartAsync(clock);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSmallfishTelegramClient(o =>
            {
                o.Enabled = true;
                o.BotToken = FakeTelegramServer.Token;
                o.ApiBaseAddress = server.BaseAddress;
                o.AllowedChatIds = [1];
            });
        await using var provider = services.BuildServiceProvider();

        var me = await provider.GetRequiredService<ITelegramClient>().GetMeAsync().Within();

        Assert.That(me.Username, Is.EqualTo(FakeTelegramServer.BotUsername));
        Assert.That(logs.Entries.Where(e => e.Everything.Contains(FakeTelegramServer.SecretPart, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task DefaultHttpClientFactoryLogging_WouldLogTheToken_WhichIsWhyItIsRemoved()
    {
        // Control for the test above: the capture does see URLs when the factory's default loggers are left in place.
        var clock = new SimulatedClock(TelegramHarness.StartNs);
        await using var server = await FakeTelegramServer.StartAsync(clock);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient("plain");
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain");

        using var response = await http.PostAsync(new Uri(server.BaseAddress + "bot" + FakeTelegramServer.Token + "/getMe"), null).Within();

        Assert.That(logs.Entries.Where(e => e.Everything.Contains(FakeTelegramServer.SecretPart, StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public void AddSmallfishTelegramClient_BadOptions_FailValidationWithEveryErrorAndNoToken()
    {
        const string badToken = "not a token but secret-ish";
        var services = new ServiceCollection().AddLogging().AddSmallfishTelegramClient(o =>
        {
            o.Enabled = true;
            o.BotToken = badToken;
            o.PollTimeoutSeconds = 900;
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<TelegramBotOptions>>().Value);

        Assert.That(e!.Failures.Count(), Is.EqualTo(3), string.Join("\n", e.Failures));
        Assert.That(e.Message, Does.Contain("Secrets:TelegramBotToken").And.Contain("Telegram:AllowedChatIds").And.Contain("Telegram:PollTimeoutSeconds"));
        Assert.That(e.Message, Does.Not.Contain(badToken));
    }

    [Test]
    public void TelegramBotOptions_ToString_HidesToken()
    {
        var options = new TelegramBotOptions { BotToken = FakeTelegramServer.Token };

        Assert.That(options.ToString(), Does.Not.Contain(FakeTelegramServer.SecretPart));
    }
}
