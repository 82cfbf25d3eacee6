using System.Collections.Concurrent;
using System.Text;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>
/// A minimal STAND-IN for the zero-allocation market-data parsers in Smallfish.Wire (written on a parallel branch):
/// it does not parse book or trade contents, it only records each frame's text and receive timestamp so the socket
/// plumbing can be tested. Frames containing "garbage" report Malformed. Optionally blocks to act as a slow consumer.
/// </summary>
internal sealed class StandInParser : IMarketFrameParser
{
    private readonly Signal _signal;

    public StandInParser(Signal signal) => _signal = signal;

    public ConcurrentQueue<(string Text, long LocalTsNs)> Frames { get; } = new();

    /// <summary>When set, each frame is also logged there (to check ordering against events).</summary>
    public StreamRecorder? Recorder { get; set; }

    /// <summary>When set, Parse waits on it (a slow consumer).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public MarketFrameKind Parse(ReadOnlySpan<byte> frame, long localTsNs, IMarketEventSink sink)
    {
        Gate?.Wait(TimeSpan.FromSeconds(10));
        string text = Encoding.UTF8.GetString(frame);
        Frames.Enqueue((text, localTsNs));
        Recorder?.Add("frame", text);
        _signal.Pulse();
        return text.Contains("garbage", StringComparison.Ordinal) ? MarketFrameKind.Malformed : MarketFrameKind.Data;
    }
}
