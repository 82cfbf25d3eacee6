using Smallfish.Core.Domain;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram.Sending;

namespace Smallfish.Remote.Tests.Handling;

public class RemoteTextFormatterTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 14, 2, 0, TimeSpan.Zero);

    [TestCase(12.40, 12.40, 4, "▇▇▇▇")]
    [TestCase(6.20, 12.40, 4, "▇▇")]
    [TestCase(-12.40, 12.40, 10, "▇▇▇▇▇▇▇▇▇▇")]
    [TestCase(0.01, 100, 10, "▇")]
    [TestCase(0, 100, 10, "")]
    public void PnlBar_ProportionalToLargestAbsolutePnl(decimal pnl, decimal max, int width, string expected)
    {
        Assert.That(RemoteTextFormatter.PnlBar(pnl, max, width), Is.EqualTo(expected));
    }

    [Test]
    public void FormatTrades_Lines_SignedPnlBarsRAndTotal()
    {
        var trades = new[]
        {
            new TradeView("BTCUSDT", Side.Buy, 64000.1m, 64124.1m, 0.1m, 12.40m, 1.8, ExitReason.TakeProfit, T),
            new TradeView("ETHUSDT", Side.Sell, 3000m, 3010m, 0.4m, -4.10m, -0.62, ExitReason.StopLoss, T.AddMinutes(3)),
        };

        var reply = new RemoteTextFormatter(barWidth: 4).FormatTrades(trades);
        var lines = reply.Text.Split('\n');

        Assert.That(reply.Preformatted, Is.True);
        Assert.That(reply.Title, Is.EqualTo("Last 2 trades"));
        Assert.That(lines[0], Is.EqualTo("14:02 BTCUSDT   L +12.40 ▇▇▇▇  +1.80R TP"));
        Assert.That(lines[1], Is.EqualTo("14:05 ETHUSDT   S  -4.10 ▇     -0.62R SL"));
        Assert.That(lines[2], Is.EqualTo("Net +8.30 over 2 trades: 1 W / 1 L"));
    }

    [Test]
    public void TradeView_FromTradeResult_CarriesNetPnlAndCloseTime()
    {
        var result = new TradeResult("BTCUSDT", Side.Buy, 100m, 101m, 2m, 2m, 0.1m, 0.05m, 1.85m, 0.9, 0.5m, 1.2m,
            1_767_225_600_000_000_000, 1_767_225_660_000_000_000, ExitReason.TrailingStop, 0);

        var view = TradeView.From(result);

        Assert.That(view.NetPnl, Is.EqualTo(1.85m));
        Assert.That(view.ClosedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero)));
    }

    [Test]
    public void FormatStatus_ShowsEquityDrawdownKillSwitchAndPositions()
    {
        var status = new StatusView
        {
            AsOf = T,
            Exchange = "bybit",
            Profile = "aggressive",
            Testnet = true,
            Equity = 1012.4m,
            DayPnl = 12.4m,
            DrawdownFraction = 0.0125,
            KillSwitchActive = true,
            KillSwitchReason = "daily loss limit",
            VolatilityRegime = "normal",
            Positions = [new PositionView("BTCUSDT", Side.Buy, 0.01m, 64000.1m, 1.2m) { StopPrice = 63800m, TakeProfitPrice = 64400m }],
        };

        var reply = new RemoteTextFormatter().FormatStatus(status);

        Assert.That(reply.Title, Does.Contain("KILL SWITCH ON"));
        Assert.That(reply.Text, Does.Contain("Equity       1,012.40 USDT"));
        Assert.That(reply.Text, Does.Contain("Day P&L      +12.40 USDT"));
        Assert.That(reply.Text, Does.Contain("Drawdown     1.25 %"));
        Assert.That(reply.Text, Does.Contain("ON: daily loss limit"));
        Assert.That(reply.Text, Does.Contain("BTCUSDT LONG 0.01 @ 64000.1 uPnL +1.20 SL 63800 TP 64400"));
        Assert.That(reply.Text, Does.Contain("2026-01-01 14:02:00Z"));
    }

    [Test]
    public void FormatConfig_SecretLookingExtras_NeverShown()
    {
        var config = new ConfigView
        {
            Profile = "balanced",
            Exchange = "binance",
            Symbols = ["BTCUSDT", "ETHUSDT"],
            RiskPerTradeFraction = 0.015,
            RewardToRisk = 2,
            Extra =
            [
                new("Leverage", "5x"),
                new("ApiKey", "AKIA-should-not-show"),
                new("Telegram:BotToken", "123:should-not-show"),
                new("Smtp:Password", "hunter2"),
                new("ApiSecret", "s3cr3t"),
            ],
        };

        var reply = new RemoteTextFormatter().FormatConfig(config);

        Assert.That(reply.Text, Does.Contain("Leverage").And.Contain("5x").And.Contain("1.50 %").And.Contain("BTCUSDT, ETHUSDT"));
        Assert.That(reply.Text, Does.Not.Contain("should-not-show").And.Not.Contain("hunter2").And.Not.Contain("s3cr3t"));
    }

    [Test]
    public void ConfigView_HasNoSecretProperties()
    {
        var names = typeof(ConfigView).GetProperties().Select(p => p.Name.ToLowerInvariant());

        Assert.That(names.Where(n => n.Contains("key") || n.Contains("secret") || n.Contains("token") || n.Contains("password")), Is.Empty);
    }

    [Test]
    public void Render_ReplyWithMarkupCharacters_EscapedAndSplit()
    {
        var body = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"row {i} <b> & more"));
        var messages = ReplyRenderer.Render(7, RemoteReply.Table("T<1>", body));

        Assert.That(messages.Count, Is.GreaterThan(1));
        Assert.That(messages[0].Html, Does.StartWith("<b>T&lt;1&gt;</b>\n<pre>row 0 &lt;b&gt; &amp; more"));
        Assert.That(messages.Skip(1).All(m => m.Html.StartsWith("<pre>", StringComparison.Ordinal)), Is.True);
        Assert.That(messages.Select(m => m.PlainText.Length), Has.All.LessThanOrEqualTo(4096));
        Assert.That(messages.All(m => m.ChatId == 7), Is.True);
    }
}
