using System.Net;
using Microsoft.Extensions.Logging;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Smallfish.Core.Time;
using Smallfish.Remote.Charts;
using Smallfish.Remote.Telegram;
using Smallfish.Remote.Telegram.Client;
using Smallfish.Remote.Telegram.Commands;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Telegram;

/// <summary>The Bot API client against the fake server over real loopback HTTP.</summary>
public class TelegramBotClientTests
{
    private static Task<TelegramHarness> Harness(Action<TelegramBotOptions>? configure = null) =>
        TelegramHarness.CreateAsync(new RecordingCommandHandler(), configure);

    [Test]
    public async Task GetUpdates_FixtureResponse_ParsesEveryUpdate()
    {
        await using var h = await Harness();
        h.Server.RespondNext("getUpdates", 200, TestPaths.TelegramFixture("get_updates_response.json").ToJsonString());

        var updates = await h.Client.GetUpdatesAsync(new GetUpdatesRequest { TimeoutSeconds = 0 }).Within();

        Assert.That(updates.Select(u => u.UpdateId), Is.EqualTo(new[] { 871234501L, 871234502L, 871234503L }));
        var first = updates[0].Message!;
        Assert.Multiple(() =>
        {
            Assert.That(first.Chat.Id, Is.EqualTo(123456789));
            Assert.That(first.From!.Username, Is.EqualTo("op_user"));
            Assert.That(first.Text, Is.EqualTo("/status"));
            Assert.That(first.Entities![0].Type, Is.EqualTo("bot_command"));
            Assert.That(first.Entities[0].Length, Is.EqualTo(7));
            Assert.That(first.DateUtc, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(updates[2].Message!.Chat.Id, Is.EqualTo(-1001234567890), "supergroup ids exceed 32 bits");
            Assert.That(updates[2].Message!.Chat.Type, Is.EqualTo("supergroup"));
        });
    }

    [Test]
    public async Task GetUpdates_Request_BodyMatchesFixture()
    {
        await using var h = await Harness();
        h.Server.LongPollCap = TimeSpan.Zero;

        await h.Client.GetUpdatesAsync(new GetUpdatesRequest
        {
            Offset = 871234504,
            TimeoutSeconds = 30,
            AllowedUpdates = ["message", "callback_query"],
        }).Within();

        var sent = JsonNode.Parse(h.Server.Sent("getUpdates").Single().Json!.Value.GetRawText());
        Assert.That(JsonNode.DeepEquals(sent, TestPaths.TelegramFixture("requests.json")["getUpdates"]), Is.True, sent!.ToJsonString());
    }

    [Test]
    public async Task SendMessage_HtmlText_BodyMatchesFixture()
    {
        await using var h = await Harness();

        var message = await h.Client.SendMessageAsync(new SendMessageRequest(123456789, "<b>PnL</b> +12.3 USDT &amp; 3 fills")).Within();

        var sent = JsonNode.Parse(h.Server.Sent("sendMessage").Single().Json!.Value.GetRawText());
        Assert.That(JsonNode.DeepEquals(sent, TestPaths.TelegramFixture("requests.json")["sendMessage_html"]), Is.True, sent!.ToJsonString());
        Assert.That(message.Chat.Id, Is.EqualTo(123456789));
        Assert.That(message.Text, Is.EqualTo("PnL +12.3 USDT & 3 fills"), "the server parsed the entities");
    }

    [Test]
    public async Task SetMyCommands_Catalog_AcceptedWithValidNames()
    {
        await using var h = await Harness();

        var ok = await h.Client.SetMyCommandsAsync(new SetMyCommandsRequest(RemoteCommandCatalog.BotCommands)).Within();

        Assert.That(ok, Is.True);
        var names = h.Server.Sent("setMyCommands").Single().Json!.Value.GetProperty("commands").EnumerateArray()
            .Select(c => c.GetProperty("command").GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "status", "trades", "equity", "grid", "kill", "resume", "config", "help" }));
    }

    [Test]
    public async Task SendMessage_FloodControl429_WaitsExactlyRetryAfterThenRetries()
    {
        await using var h = await Harness();
        h.Server.RespondNextWithFixture("sendMessage", "flood_429");

        var message = await h.Client.SendMessageAsync(new SendMessageRequest(TelegramHarness.OwnerChat, "hello")).Within();

        var sends = h.Server.Sent("sendMessage");
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Is.EqualTo("hello"));
            Assert.That(sends, Has.Count.EqualTo(2), "one throttled attempt, one retry");
            Assert.That(h.Delay.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(35) }), "waited retry_after, exactly once");
            Assert.That(sends[1].ClockTime - sends[0].ClockTime, Is.EqualTo(TimeSpan.FromSeconds(35)), "the retry came 35 s later");
            Assert.That(h.LogsMentioningToken(), Is.Empty);
        });
    }

    [Test]
    public async Task SendMessage_AfterFloodControl_NextCallWaitsOutTheSharedWindow()
    {
        await using var h = await Harness();
        // A delay that does not move the clock: the flood window is still open when the second call starts.
        var delay = new RecordingDelay();
        using var http = new HttpClient();
        var client = new TelegramBotClient(http, h.Options, h.Clock, delay, h.Logs.CreateFactory().CreateLogger<TelegramBotClient>());
        h.Server.RespondNextWithFixture("sendMessage", "flood_429");

        await client.SendMessageAsync(new SendMessageRequest(TelegramHarness.OwnerChat, "first")).Within();
        await client.GetMeAsync().Within();

        Assert.That(delay.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(35) }),
            "429 throttles the whole bot: the next method waits out the same window");
    }

    [Test]
    public async Task SendMessage_FloodControlBeyondRetries_ThrowsTransientFloodError()
    {
        await using var h = await Harness(o => o.MaxFloodRetries = 1);
        h.Server.RespondNextWithFixture("sendMessage", "flood_429");
        h.Server.RespondNextWithFixture("sendMessage", "flood_429");

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.SendMessageAsync(new SendMessageRequest(1, "x")).Within());

        Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.FloodControl));
        Assert.That(e.IsTransient, Is.True);
        Assert.That(e.RetryAfterSeconds, Is.EqualTo(35));
        Assert.That(h.Server.Sent("sendMessage"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetMe_WrongToken_ThrowsUnauthorizedThatNeverShowsTheToken()
    {
        const string wrong = "987654321:WrongS3cretTokenValue_abcdefghijklmno";
        await using var h = await Harness(o => o.BotToken = wrong);

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.GetMeAsync().Within());

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.Unauthorized));
            Assert.That(e.ErrorCode, Is.EqualTo(401));
            Assert.That(e.IsTransient, Is.False);
            Assert.That(e.ToString(), Does.Not.Contain(wrong).And.Not.Contain("WrongS3cretTokenValue"));
            Assert.That(e.Message, Does.Contain("bot***"));
            Assert.That(h.Delay.Waits, Is.Empty, "401 is not retried");
            Assert.That(h.LogsMentioningToken(wrong), Is.Empty);
        });
    }

    [Test]
    public async Task GetUpdates_Conflict409_ThrowsConflictWithoutRetrying()
    {
        await using var h = await Harness();
        h.Server.RespondNextWithFixture("getUpdates", "conflict_409_two_pollers");

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.GetUpdatesAsync(new GetUpdatesRequest()).Within());

        Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.Conflict));
        Assert.That(e.Message, Does.Contain("another instance"));
        Assert.That(h.Server.Sent("getUpdates"), Has.Count.EqualTo(1));
        Assert.That(h.Delay.Waits, Is.Empty);
    }

    [Test]
    public async Task SendMessage_MigratedGroup_SurfacesNewChatId()
    {
        await using var h = await Harness();
        h.Server.RespondNextWithFixture("sendMessage", "migrated_400");

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.SendMessageAsync(new SendMessageRequest(-4242, "x")).Within());

        Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.BadRequest));
        Assert.That(e.MigrateToChatId, Is.EqualTo(-1001234567890));
    }

    [Test]
    public async Task SendMessage_ServerErrorThenSuccess_RetriesAfterBackoff()
    {
        await using var h = await Harness();
        h.Server.RespondNext("sendMessage", 502, "<html>Bad Gateway</html>");

        var message = await h.Client.SendMessageAsync(new SendMessageRequest(TelegramHarness.OwnerChat, "after 502")).Within();

        Assert.That(message.Text, Is.EqualTo("after 502"));
        Assert.That(h.Server.Sent("sendMessage"), Has.Count.EqualTo(2));
        Assert.That(h.Delay.Waits, Has.Count.EqualTo(1));
        Assert.That(h.Delay.Waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)), "first backoff: half to all of the base delay");
    }

    [Test]
    public async Task SendMessage_NothingListening_BacksOffWithJitterThenThrowsNetworkErrorWithoutToken()
    {
        var port = FreePort();
        await using var h = await Harness(o =>
        {
            o.ApiBaseAddress = new Uri($"http://127.0.0.1:{port}/");
            o.MaxTransientRetries = 3;
        });

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.SendMessageAsync(new SendMessageRequest(1, "x")).Within());

        var waits = h.Delay.Waits;
        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.Network));
            Assert.That(e.IsTransient, Is.True);
            Assert.That(e.ToString(), Does.Not.Contain(FakeTelegramServer.SecretPart));
            Assert.That(waits, Has.Count.EqualTo(3));
            Assert.That(waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));
            Assert.That(waits[1], Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
            Assert.That(waits[2], Is.InRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));
            Assert.That(waits.Distinct().Count(), Is.EqualTo(3), "jittered, not fixed");
            Assert.That(h.LogsMentioningToken(), Is.Empty);
        });
    }

    [Test]
    public async Task SendPhoto_Png_UploadedAsMultipartThatTheServerDecodes()
    {
        await using var h = await Harness();
        var png = PngChart.EquityCurve([100, 103, 99, 104.5], new EquityChartOptions { Width = 320, Height = 160 });

        var message = await h.Client.SendPhotoAsync(new SendPhotoRequest(TelegramHarness.OwnerChat, png) { Caption = "<b>Equity</b> &amp; more" }).Within();

        var upload = h.Server.Sent("sendPhoto").Single();
        var decoded = PngVerifier.Decode(upload.File!);
        Assert.Multiple(() =>
        {
            Assert.That(upload.File, Is.EqualTo(png), "bytes arrive unchanged");
            Assert.That(upload.FileName, Is.EqualTo("chart.png"));
            Assert.That(upload.FileContentType, Is.EqualTo("image/png"));
            Assert.That(upload.ContentDisposition, Does.Contain("name=\"photo\""));
            Assert.That(upload.ChatId, Is.EqualTo(TelegramHarness.OwnerChat));
            Assert.That(upload.Form["caption"], Is.EqualTo("<b>Equity</b> &amp; more"));
            Assert.That(upload.Form["parse_mode"], Is.EqualTo("HTML"));
            Assert.That((decoded.Width, decoded.Height), Is.EqualTo((320, 160)));
            Assert.That(message.Photo![0].Width, Is.EqualTo(320));
        });
    }

    [Test]
    public async Task SendMessage_UnescapedMarkup_RejectedAsBadRequest()
    {
        await using var h = await Harness();

        var e = Assert.ThrowsAsync<TelegramApiException>(() => h.Client.SendMessageAsync(new SendMessageRequest(1, "PnL < 0 & falling")).Within());

        Assert.That(e!.Kind, Is.EqualTo(TelegramErrorKind.BadRequest));
        Assert.That(e.Description, Does.Contain("can't parse entities"));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
