using Smallfish.Remote.Handling;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Telegram;

/// <summary>
/// The assembled remote control (poller, router, outbox, client) against the fake Bot API over real loopback HTTP:
/// commands in as getUpdates JSON, replies out as sendMessage/sendPhoto requests.
/// </summary>
public class TelegramRemoteControlTests
{
    private const int StrangerChatIgnored = 7020;
    private const int StrangerUserIgnored = 7029;
    private const int TokenRejected = 7012;

    private static bool ToOwner(RecordedRequest r) => r.ChatId == TelegramHarness.OwnerChat;

    [TestCase("/status", "status")]
    [TestCase("/trades", "trades:10")]
    [TestCase("/trades 3", "trades:3")]
    [TestCase("/grid", "grid")]
    [TestCase("/config", "config")]
    [TestCase("/STATUS", "status")]
    public async Task Command_FromOwnerChat_ReachesHandlerAndReplyGoesToOwnerChat(string text, string expectedCall)
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, text);
        var replies = await h.Server.WaitForAsync("sendMessage", 1);

        Assert.That(handler.Calls, Is.EqualTo(new[] { expectedCall }));
        Assert.That(replies.Single().ChatId, Is.EqualTo(TelegramHarness.OwnerChat));
        Assert.That(replies.Single().ParseMode, Is.EqualTo("HTML"));
        Assert.That(h.LogsMentioningToken(), Is.Empty);
    }

    [Test]
    public async Task Status_ReplyWithHtmlSpecialCharacters_IsEscapedInsidePre()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status");
        var reply = (await h.Server.WaitForAsync("sendMessage", 1)).Single();

        Assert.That(reply.Text, Is.EqualTo("<b>Status</b>\n<pre>equity 1012.40 &lt;USDT&gt; &amp; rising</pre>"));
    }

    [Test]
    public async Task Equity_Command_UploadsValidPngToOwnerChat()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/equity");
        var upload = (await h.Server.WaitForAsync("sendPhoto", 1)).Single();

        var png = PngVerifier.Decode(upload.File!);
        Assert.That(handler.Calls, Is.EqualTo(new[] { "equity" }));
        Assert.That(upload.ChatId, Is.EqualTo(TelegramHarness.OwnerChat));
        Assert.That((png.Width, png.Height), Is.EqualTo((640, 320)));
        Assert.That(upload.Form["caption"], Does.Contain("1012.40"));
    }

    [Test]
    public async Task Help_Command_ListsEveryCommand()
    {
        await using var h = await TelegramHarness.CreateAsync(new RecordingCommandHandler());
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/help");
        var reply = (await h.Server.WaitForAsync("sendMessage", 1)).Single();

        foreach (var name in new[] { "/status", "/trades", "/equity", "/grid", "/kill", "/resume", "/config" })
            Assert.That(reply.Text, Does.Contain(name));
    }

    [Test]
    public async Task StrangerChat_Ignored_NoReplyNoHandlerCallAndLoggedOnce()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.StrangerChat, "/status");
        h.Server.EnqueueMessage(TelegramHarness.StrangerChat, "/kill");
        h.Server.EnqueueMessage(TelegramHarness.StrangerChat, "/kill confirm");
        var last = h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/config");
        await h.Server.WaitForAsync("sendMessage", 1, ToOwner);
        await h.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(handler.Calls, Is.EqualTo(new[] { "config" }), "only the owner's command reached the handler");
            Assert.That(h.Server.Requests.Where(r => r.Method is "sendmessage" or "sendphoto").Select(r => r.ChatId),
                Is.All.EqualTo(TelegramHarness.OwnerChat), "nothing was sent to the stranger");
            Assert.That(h.Logs.Count(StrangerChatIgnored), Is.EqualTo(1), "three messages, one log line");
            Assert.That(h.Remote.Poller.NextOffset, Is.EqualTo(last + 1), "ignored updates still advance the offset");
            Assert.That(h.Server.PendingUpdates, Is.Zero, "and are confirmed");
        });
    }

    [Test]
    public async Task FixtureUpdates_OnlyConfiguredChatAnswered_OthersIgnoredButConfirmed()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Server.EnqueueRaw(TestPaths.TelegramFixture("get_updates_response.json")["result"]!.AsArray().Select(n => n!));
        h.Start();

        await h.Server.WaitForAsync("sendMessage", 1);
        await h.Server.WaitUntilAsync(_ => h.Remote.Poller.NextOffset == 871234504);
        await h.StopAsync();

        Assert.That(handler.Calls, Is.EqualTo(new[] { "status" }));
        Assert.That(h.Server.Sent("sendMessage").Select(r => r.ChatId), Is.EqualTo(new[] { 123456789L }));
        Assert.That(h.Logs.Count(StrangerChatIgnored), Is.EqualTo(2), "the stranger's private chat and the unconfigured supergroup");
        Assert.That(h.Server.PendingUpdates, Is.Zero);
    }

    [Test]
    public async Task Kill_WithoutConfirmation_AsksForConfirmationAndDoesNotKill()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill");
        var reply = (await h.Server.WaitForAsync("sendMessage", 1)).Single();

        Assert.That(handler.Calls, Is.Empty);
        Assert.That(reply.Text, Does.Contain("/kill confirm").And.Contain("60 s"));
    }

    [Test]
    public async Task Kill_ConfirmedWithinWindow_CallsHandlerOnce()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill");
        await h.Server.WaitForAsync("sendMessage", 1);
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill confirm");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill confirm");
        var replies = await h.Server.WaitForAsync("sendMessage", 3);

        Assert.That(handler.Calls, Is.EqualTo(new[] { "kill" }), "a second confirm does not kill twice");
        Assert.That(handler.Requesters.Single(), Is.EqualTo(new RemoteRequester("telegram", TelegramHarness.OwnerChat, TelegramHarness.OwnerChat, "op_user")));
        Assert.That(replies[1].Text, Is.EqualTo("kill switch triggered"));
        Assert.That(replies[2].Text, Does.StartWith("Nothing to confirm"));
    }

    [Test]
    public async Task Kill_ConfirmedAfterWindow_Refused()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill");
        await h.Server.WaitForAsync("sendMessage", 1);
        h.Clock.Advance(TimeSpan.FromSeconds(61));
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill confirm");
        var replies = await h.Server.WaitForAsync("sendMessage", 2);

        Assert.That(handler.Calls, Is.Empty);
        Assert.That(replies[1].Text, Does.StartWith("Nothing to confirm"));
    }

    [Test]
    public async Task Resume_Confirmed_CallsResumeNotKill()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/resume confirm");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/resume");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/resume confirm");
        await h.Server.WaitForAsync("sendMessage", 4);

        Assert.That(handler.Calls, Is.EqualTo(new[] { "resume" }), "a pending /kill is not confirmed by /resume confirm");
    }

    [Test]
    public async Task Polling_AcrossSeveralPolls_EachUpdateHandledOnceAndConfirmed()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        var first = h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 1");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 2");
        await h.Server.WaitForAsync("sendMessage", 2);
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 3");
        await h.Server.WaitForAsync("sendMessage", 3);
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 4");
        var last = h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 5");
        await h.Server.WaitForAsync("sendMessage", 5);
        await h.StopAsync();

        var offsets = h.Server.Sent("getUpdates").Select(r => r.Offset).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(handler.Calls, Is.EqualTo(new[] { "trades:1", "trades:2", "trades:3", "trades:4", "trades:5" }));
            Assert.That(offsets[0], Is.Null, "the first poll has no offset yet");
            Assert.That(offsets.Skip(1), Is.Ordered, "offsets never go back");
            Assert.That(offsets, Does.Contain((long?)(first + 2)), "the batch of two is confirmed with last id + 1");
            Assert.That(offsets[^1], Is.EqualTo(last + 1), "stopping confirms the last batch");
            Assert.That(h.Server.PendingUpdates, Is.Zero);
        });
    }

    [Test]
    public async Task BotSuffix_OwnBotHandled_OtherBotIgnored()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status@other_bot");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/grid@Smallfish_Bot");
        await h.Server.WaitForAsync("sendMessage", 1);
        await h.StopAsync();

        Assert.That(handler.Calls, Is.EqualTo(new[] { "grid" }));
        Assert.That(h.Server.Sent("getMe"), Has.Count.EqualTo(1), "the bot's name was learned from getMe");
        Assert.That(h.Server.Sent("setMyCommands"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DropPendingUpdatesOnStart_BacklogNeverExecuted()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler, o => o.DropPendingUpdatesOnStart = true);
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/kill");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/trades 7");
        h.Start();

        await h.Server.WaitUntilAsync(rs => rs.Count(r => r.Method == "getupdates") >= 2);
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/grid");
        await h.Server.WaitForAsync("sendMessage", 1);
        await h.StopAsync();

        Assert.That(handler.Calls, Is.EqualTo(new[] { "grid" }));
        Assert.That(h.Server.Sent("getUpdates")[0].Offset, Is.EqualTo(-1));
        Assert.That(h.Server.Sent("sendMessage"), Has.Count.EqualTo(1), "no confirmation prompt for the stale /kill either");
    }

    [Test]
    public async Task StaleCommand_OlderThanMaxAge_Ignored()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status", date: h.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/grid");
        await h.Server.WaitForAsync("sendMessage", 1);
        await h.StopAsync();

        Assert.That(handler.Calls, Is.EqualTo(new[] { "grid" }));
    }

    [Test]
    public async Task AllowedGroup_WithUserList_IgnoresOtherMembersAndLogsThemOnce()
    {
        const long group = -1001234567890;
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler, o =>
        {
            o.AllowedChatIds = [group];
            o.AllowedUserIds = [TelegramHarness.OwnerChat];
        });
        h.Start();

        h.Server.EnqueueMessage(group, "/kill", fromId: 555, chatType: "supergroup");
        h.Server.EnqueueMessage(group, "/status", fromId: 555, chatType: "supergroup");
        h.Server.EnqueueMessage(group, "/grid", fromId: TelegramHarness.OwnerChat, chatType: "supergroup");
        await h.Server.WaitForAsync("sendMessage", 1);
        await h.StopAsync();

        Assert.That(handler.Calls, Is.EqualTo(new[] { "grid" }));
        Assert.That(h.Server.Sent("sendMessage"), Has.Count.EqualTo(1));
        Assert.That(h.Logs.Count(StrangerUserIgnored), Is.EqualTo(1));
    }

    [Test]
    public async Task Replies_ToOneChat_PacedOneSecondApart()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/grid");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/config");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status");
        var replies = await h.Server.WaitForAsync("sendMessage", 3);

        for (int i = 1; i < replies.Count; i++)
            Assert.That(replies[i].ClockTime - replies[i - 1].ClockTime, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), $"reply {i}");
        Assert.That(h.Delay.Waits.Where(w => w > TimeSpan.Zero), Is.Not.Empty, "the outbox waited for the per-chat interval");
    }

    [Test]
    public async Task Reply_MarkupRejected_ResentAsPlainText()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Server.RespondNextWithFixture("sendMessage", "bad_markup_400");
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status");
        var sends = await h.Server.WaitForAsync("sendMessage", 2);

        Assert.That(sends[0].ParseMode, Is.EqualTo("HTML"));
        Assert.That(sends[1].ParseMode, Is.Null);
        Assert.That(sends[1].Text, Is.EqualTo("Status\n" + RecordingCommandHandler.StatusText));
    }

    [Test]
    public async Task Polling_Conflict409_BacksOffAndKeepsServing()
    {
        var handler = new RecordingCommandHandler();
        await using var h = await TelegramHarness.CreateAsync(handler);
        h.Server.RespondNextWithFixture("getUpdates", "conflict_409_two_pollers");
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status");
        await h.Server.WaitForAsync("sendMessage", 1);

        Assert.That(handler.Calls, Is.EqualTo(new[] { "status" }));
        Assert.That(h.Delay.Waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)), "one jittered backoff after the 409");
        Assert.That(h.LogsMentioningToken(), Is.Empty);
    }

    [Test]
    public async Task WrongToken_RemoteControlStopsOnItsOwnWithoutLeakingTheToken()
    {
        const string wrong = "111111111:RevokedTokenSecretPart_zyxwvutsrqponm";
        await using var h = await TelegramHarness.CreateAsync(new RecordingCommandHandler(), o => o.BotToken = wrong);
        h.Start();

        await h.Running.Within();

        Assert.That(h.Logs.Count(TokenRejected), Is.EqualTo(1));
        Assert.That(h.Server.Requests.Select(r => r.TokenValid), Is.All.False);
        Assert.That(h.LogsMentioningToken(wrong), Is.Empty);
        Assert.That(h.Logs.Entries, Is.Not.Empty, "the capture works: there was output to search");
    }

    [Test]
    public async Task Handler_Throws_GenericReplyWithoutExceptionTextAndPollingContinues()
    {
        await using var h = await TelegramHarness.CreateAsync(new ThrowingHandler());
        h.Start();

        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/status");
        h.Server.EnqueueMessage(TelegramHarness.OwnerChat, "/help");
        var replies = await h.Server.WaitForAsync("sendMessage", 2);

        Assert.That(replies[0].Text, Is.EqualTo("/status failed; details are in the service log."));
        Assert.That(replies[0].Text, Does.Not.Contain("internal detail"));
        Assert.That(replies[1].Text, Does.Contain("/kill"));
    }

    [Test]
    public async Task Notify_Alert_SentToEveryAllowedChat()
    {
        await using var h = await TelegramHarness.CreateAsync(new RecordingCommandHandler(), o => o.AllowedChatIds = [TelegramHarness.OwnerChat, -1001234567890]);
        h.Start();

        var queued = h.Remote.Notify(RemoteReply.Plain("Kill switch triggered: daily loss limit", "ALERT"));
        var sends = await h.Server.WaitForAsync("sendMessage", 2);

        Assert.That(queued, Is.True);
        Assert.That(sends.Select(s => s.ChatId), Is.EquivalentTo(new[] { TelegramHarness.OwnerChat, -1001234567890 }));
        Assert.That(sends.Select(s => s.Text), Is.All.EqualTo("<b>ALERT</b>\nKill switch triggered: daily loss limit"));
    }

    [Test]
    public async Task Outbox_Full_EnqueueReturnsFalseInsteadOfBlocking()
    {
        await using var h = await TelegramHarness.CreateAsync(new RecordingCommandHandler(), o => o.OutboxCapacity = 2);

        var results = Enumerable.Range(0, 3)
            .Select(i => h.Remote.Outbox.Enqueue(new Smallfish.Remote.Telegram.Sending.OutgoingMessage(1, $"m{i}", $"m{i}"))).ToList();

        Assert.That(results, Is.EqualTo(new[] { true, true, false }));
    }

    private sealed class ThrowingHandler : IRemoteCommandHandler
    {
        public ValueTask<RemoteReply> GetStatusAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("internal detail");

        public ValueTask<RemoteReply> GetTradesAsync(int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RemoteReply> GetEquityAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RemoteReply> GetGridAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RemoteReply> GetConfigAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RemoteReply> KillAsync(RemoteRequester requester, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RemoteReply> ResumeAsync(RemoteRequester requester, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
