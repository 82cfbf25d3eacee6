using Smallfish.Remote.Telegram.Formatting;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Telegram;

public class FormattingTests
{
    [Test]
    public void Html_EscapedFixtureText_MatchesFixture()
    {
        var text = TelegramHtml.Bold("PnL") + " " + TelegramHtml.Escape("+12.3 USDT & 3 fills");

        Assert.That(text, Is.EqualTo(TestPaths.TelegramFixture("requests.json")["sendMessage_html"]!["text"]!.GetValue<string>()));
    }

    [TestCase("a < b > c & d", "a &lt; b &gt; c &amp; d")]
    [TestCase("&lt;", "&amp;lt;")]
    [TestCase("-0.25 +12.40 (x) [y] _z_ *w*", "-0.25 +12.40 (x) [y] _z_ *w*")]
    [TestCase("", "")]
    public void Html_Escape_OnlyTheThreeSpecialCharacters(string input, string expected)
    {
        Assert.That(TelegramHtml.Escape(input), Is.EqualTo(expected));
    }

    [Test]
    public void Html_EscapedArbitraryText_ParsesBackToItself()
    {
        var random = new Random(9);
        for (int i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int j = 0; j < chars.Length; j++) chars[j] = "<>&;ab /#\"'x1.-+"[random.Next(16)];
            var text = new string(chars);

            var (visible, error) = FakeTelegramServer.ParseHtml(TelegramHtml.Pre(text));

            Assert.That(error, Is.Null, text);
            Assert.That(visible, Is.EqualTo(text));
        }
    }

    [Test]
    public void MarkdownV2_EscapedFixtureText_MatchesFixture()
    {
        var text = "*" + TelegramMarkdownV2.Escape("PnL") + "* " + TelegramMarkdownV2.Escape("+12.3 USDT (3 fills)");

        Assert.That(text, Is.EqualTo(TestPaths.TelegramFixture("requests.json")["sendMessage_markdownv2"]!["text"]!.GetValue<string>()));
    }

    [Test]
    public void MarkdownV2_Escape_AllReservedCharactersAndBackslash()
    {
        Assert.That(TelegramMarkdownV2.Escape(@"_*[]()~`>#+-=|{}.!\a"), Is.EqualTo(@"\_\*\[\]\(\)\~\`\>\#\+\-\=\|\{\}\.\!\\a"));
        Assert.That(TelegramMarkdownV2.EscapeCode(@"a`b\c.d"), Is.EqualTo(@"a\`b\\c.d"));
    }

    [Test]
    public void Split_LongText_CutsOnLineBoundariesWithinLimit()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"line {i:000} " + new string('x', 20)).ToList();
        var text = string.Join("\n", lines);

        var pieces = MessageSplitter.Split(text, 1000);

        Assert.That(pieces, Has.All.Length.LessThanOrEqualTo(1000));
        Assert.That(pieces.Count, Is.GreaterThan(1));
        Assert.That(string.Join("\n", pieces), Is.EqualTo(text), "nothing lost, cuts at newlines");
    }

    [Test]
    public void Split_OverlongLine_HardCutWithoutBreakingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 50)); // 150 UTF-16 units

        var pieces = MessageSplitter.Split(text, 10);

        Assert.That(string.Concat(pieces), Is.EqualTo(text));
        Assert.That(pieces, Has.All.Length.LessThanOrEqualTo(10));
        Assert.That(pieces.Any(p => char.IsHighSurrogate(p[^1])), Is.False);
    }

    [Test]
    public void Truncate_Caption_EndsWithEllipsisAtLimit()
    {
        var caption = MessageSplitter.Truncate(new string('c', 2000));

        Assert.That(caption, Has.Length.EqualTo(MessageSplitter.TelegramCaptionLimit));
        Assert.That(caption, Does.EndWith("…"));
        Assert.That(MessageSplitter.Truncate("short"), Is.EqualTo("short"));
    }
}
