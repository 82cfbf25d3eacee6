using System.Collections.Concurrent;
using Smallfish.Remote.Charts;
using Smallfish.Remote.Handling;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>
/// An <see cref="IRemoteCommandHandler"/> that records each call and answers with a reply naming the command; the
/// status reply deliberately contains HTML-special characters, which the transport must escape.
/// </summary>
internal sealed class RecordingCommandHandler : IRemoteCommandHandler
{
    public const string StatusText = "equity 1012.40 <USDT> & rising";
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public IReadOnlyList<RemoteRequester> Requesters => [.. _requesters];

    private readonly ConcurrentQueue<RemoteRequester> _requesters = new();

    public static readonly double[] Equity = [1000, 1004, 998, 1010, 1012.4];

    public ValueTask<RemoteReply> GetStatusAsync(CancellationToken cancellationToken) => Reply("status", RemoteReply.Table("Status", StatusText));

    public ValueTask<RemoteReply> GetTradesAsync(int count, CancellationToken cancellationToken) => Reply($"trades:{count}", RemoteReply.Plain($"trades reply {count}"));

    public ValueTask<RemoteReply> GetEquityAsync(CancellationToken cancellationToken) =>
        Reply("equity", RemoteReply.Photo(PngChart.EquityCurve(Equity), "Equity 1000.00 -> 1012.40 (+1.24 %)"));

    public ValueTask<RemoteReply> GetGridAsync(CancellationToken cancellationToken) => Reply("grid", RemoteReply.Plain("grid reply"));

    public ValueTask<RemoteReply> GetConfigAsync(CancellationToken cancellationToken) => Reply("config", RemoteReply.Plain("config reply"));

    public ValueTask<RemoteReply> KillAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        _requesters.Enqueue(requester);
        return Reply("kill", RemoteReply.Plain("kill switch triggered"));
    }

    public ValueTask<RemoteReply> ResumeAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        _requesters.Enqueue(requester);
        return Reply("resume", RemoteReply.Plain("trading resumed"));
    }

    private ValueTask<RemoteReply> Reply(string call, RemoteReply reply)
    {
        _calls.Enqueue(call);
        return ValueTask.FromResult(reply);
    }
}
