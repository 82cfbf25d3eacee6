using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Commands;

namespace Smallfish.Remote.Tests.Telegram;

public class BotCommandParserTests
{
    private static Message Text(string text, params MessageEntity[] entities) =>
        new() { Text = text, Chat = new Chat { Id = 1, Type = "private" }, Entities = entities.Length == 0 ? null : entities };

    [TestCase("/status", RemoteCommand.Status, null)]
    [TestCase("/status@smallfish_bot", RemoteCommand.Status, "smallfish_bot")]
    [TestCase("/Trades@Smallfish_Bot 20", RemoteCommand.Trades, "Smallfish_Bot")]
    [TestCase("/start", RemoteCommand.Help, null)]
    [TestCase("/flatten", RemoteCommand.Unknown, null)]
    public void Parse_Command_RecognisedWithTarget(string text, RemoteCommand expected, string? target)
    {
        var parsed = BotCommandParser.Parse(Text(text))!;

        Assert.That(parsed.Command, Is.EqualTo(expected));
        Assert.That(parsed.TargetBot, Is.EqualTo(target));
    }

    [Test]
    public void Parse_Arguments_SplitOnWhitespace()
    {
        var parsed = BotCommandParser.Parse(Text("/kill   confirm  now"))!;

        Assert.That(parsed.Name, Is.EqualTo("kill"));
        Assert.That(parsed.Arguments, Is.EqualTo(new[] { "confirm", "now" }));
    }

    [Test]
    public void Parse_EntityLength_DefinesTheCommandToken()
    {
        // The entity covers "/grid"; the text continues without a space (as clients may send).
        var parsed = BotCommandParser.Parse(Text("/grid\nmore", new MessageEntity { Type = "bot_command", Offset = 0, Length = 5 }))!;

        Assert.That(parsed.Command, Is.EqualTo(RemoteCommand.Grid));
        Assert.That(parsed.Arguments, Is.EqualTo(new[] { "more" }));
    }

    [TestCase("status")]
    [TestCase("hello /status")]
    [TestCase("")]
    [TestCase("/")]
    [TestCase("/@bot")]
    public void Parse_NotACommand_ReturnsNull(string text)
    {
        Assert.That(BotCommandParser.Parse(Text(text)), Is.Null);
    }
}
