using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Smallfish.Fuzz.Tests.Harness;
using Smallfish.Remote.Telegram;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Timing;

namespace Smallfish.Fuzz.Tests.Telegram;

/// <summary>
/// The Telegram update parser (getUpdates through the real client, over an in-memory handler that answers with the
/// hostile body). Contract: the client returns updates or throws <see cref="TelegramApiException"/>; every update it
/// returns is usable as is: no null entries, every message has a chat, and its date converts.
/// </summary>
public sealed class TelegramUpdateFuzzTests
{
    [Test]
    public void GetUpdates_HostileBodies_UpdatesOrTelegramApiExceptionOnly()
    {
        var handler = new BodyHandler();
        var options = new TelegramBotOptions { BotToken = "123456:FUZZ-token-not-real", MaxTransientRetries = 0, MaxFloodRetries = 0 };
        var client = new TelegramBotClient(new HttpClient(handler), options, TimeProvider.System, new NoDelay(), NullLogger<TelegramBotClient>.Instance, new Random(1));
        int updates = 0;

        var report = FuzzRunner.Run(new FuzzTarget
        {
            Name = "telegram-updates",
            Corpus = [SharedFolder.Message("telegram/get_updates_response.json")],
            CiIterations = 3_000,
            Allowed = e => e is TelegramApiException,
            Parse = input =>
            {
                handler.Body = input;
                handler.Status = input.Length % 11 == 0 ? HttpStatusCode.BadGateway : HttpStatusCode.OK;
                var result = client.GetUpdatesAsync(new GetUpdatesRequest { TimeoutSeconds = 0 }).GetAwaiter().GetResult();
                foreach (var u in result)
                {
                    if (u is null) throw new FuzzPropertyException("a null update");
                    if (u.Message is { } m)
                    {
                        if (m.Chat is null) throw new FuzzPropertyException("a message without a chat");
                        _ = m.DateUtc; // must not throw for any date the parser let through
                    }
                    updates++;
                }
            },
        });
        Assert.That(updates, Is.GreaterThan(0));
        Assert.That(report.RejectedTotal, Is.GreaterThan(report.Inputs / 4));
    }

    private sealed class BodyHandler : HttpMessageHandler
    {
        public byte[] Body { get; set; } = [];

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(Status) { Content = new ByteArrayContent(Body) });
    }

    private sealed class NoDelay : IAsyncDelay
    {
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
