using Smallfish.Core.Domain;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Handling;

public class ViewRemoteCommandHandlerTests
{
    private sealed class Source : IRemoteViewSource
    {
        public bool Killed;
        public List<double> Curve = [1000, 990, 1005, 1012.4];

        public StatusView GetStatus() => new() { AsOf = DateTimeOffset.UnixEpoch, Equity = 1012.4m };

        public IReadOnlyList<TradeView> GetRecentTrades(int count) =>
            [.. Enumerable.Range(0, count).Select(i => new TradeView("BTCUSDT", Side.Buy, 1, 2, 1, i + 1, 1, ExitReason.TakeProfit, DateTimeOffset.UnixEpoch))];

        public IReadOnlyList<double> GetEquityCurve() => Curve;

        public GridView GetGrid() => new() { Enabled = false };

        public ConfigView GetConfig() => new() { Profile = "aggressive" };

        public ValueTask<bool> RequestKillSwitchAsync(RemoteRequester requester, CancellationToken cancellationToken)
        {
            var changed = !Killed;
            Killed = true;
            return ValueTask.FromResult(changed);
        }

        public ValueTask<bool> RequestResumeAsync(RemoteRequester requester, CancellationToken cancellationToken)
        {
            var changed = Killed;
            Killed = false;
            return ValueTask.FromResult(changed);
        }
    }

    [Test]
    public async Task GetEquity_Curve_PngWithCaption()
    {
        var reply = await new ViewRemoteCommandHandler(new Source()).GetEquityAsync(CancellationToken.None);

        var png = PngVerifier.Decode(reply.Png!.Value.ToArray());
        Assert.That((png.Width, png.Height), Is.EqualTo((640, 320)));
        Assert.That(reply.Text, Is.EqualTo("Equity 1000.00 -> 1012.40 (+12.40, +1.24 %) over 4 samples"));
    }

    [Test]
    public async Task GetEquity_TooShort_TextInsteadOfChart()
    {
        var reply = await new ViewRemoteCommandHandler(new Source { Curve = [1000] }).GetEquityAsync(CancellationToken.None);

        Assert.That(reply.Png, Is.Null);
        Assert.That(reply.Text, Does.Contain("No equity history"));
    }

    [Test]
    public async Task KillThenResume_ReportsWhetherStateChanged()
    {
        var source = new Source();
        var handler = new ViewRemoteCommandHandler(source);
        var who = new RemoteRequester("telegram", 1, 1, null);

        var first = await handler.KillAsync(who, CancellationToken.None);
        var again = await handler.KillAsync(who, CancellationToken.None);
        var resumed = await handler.ResumeAsync(who, CancellationToken.None);

        Assert.That(first.Text, Does.StartWith("Kill switch triggered"));
        Assert.That(again.Text, Does.Contain("already on"));
        Assert.That(resumed.Text, Does.StartWith("Kill switch reset"));
        Assert.That(source.Killed, Is.False);
    }

    [Test]
    public async Task GetTrades_Count_PassedToSource()
    {
        var reply = await new ViewRemoteCommandHandler(new Source()).GetTradesAsync(3, CancellationToken.None);

        Assert.That(reply.Title, Is.EqualTo("Last 3 trades"));
    }
}
