using Smallfish.Core.Domain;
using Smallfish.Emulator;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// Samples the emulator while the soak runs: how long a position stays without a full-size protective stop while
/// the service is up (a position is only the service's to protect once it reports READY), and the service's memory.
/// </summary>
internal sealed class SoakMonitor
{
    private readonly VenueEmulator _emulator;
    private readonly string _symbol;
    private long _nakedSinceMs;

    public SoakMonitor(VenueEmulator emulator, string symbol)
    {
        _emulator = emulator;
        _symbol = symbol;
    }

    /// <summary>Longest time (ms) a position was seen without a full-size stop while the service was up.</summary>
    public long LongestNakedMs { get; private set; }

    /// <summary>Descriptions of the stretches longer than the limit.</summary>
    public List<string> NakedStretches { get; } = new();

    /// <summary>Largest resident set size seen, bytes, and the samples per process.</summary>
    public long MaxRssBytes { get; private set; }

    public List<(int Process, long ElapsedMs, long RssBytes)> Rss { get; } = new();

    /// <summary>True when the emulator's position is flat or covered by an opposite stop for at least its size (or closing the whole position).</summary>
    public bool IsProtected()
    {
        long net = _emulator.GetPosition(_symbol).NetLots;
        if (net == 0) return true;
        Side closing = net > 0 ? Side.Sell : Side.Buy;
        foreach (EmulatedOrderInfo o in _emulator.OpenOrders(_symbol))
        {
            // A close-position stop (Binance closePosition, Bybit qty 0 + closeOnTrigger) is sized by the venue at the trigger: it covers any size.
            if (o.Role == OrderRole.StopLoss && o.Side == closing && (o.ClosePosition || o.QtyLots - o.FilledLots >= Math.Abs(net))) return true;
        }

        return false;
    }

    /// <summary>One sample at <paramref name="nowMs"/>; <paramref name="readyMs"/> is when the live process reported READY (0: down).</summary>
    public void Sample(long nowMs, long readyMs, long limitMs)
    {
        if (readyMs == 0 || IsProtected())
        {
            _nakedSinceMs = 0;
            return;
        }

        if (_nakedSinceMs == 0) _nakedSinceMs = Math.Max(nowMs, readyMs);
        long naked = nowMs - _nakedSinceMs;
        if (naked > LongestNakedMs) LongestNakedMs = naked;
        if (naked > limitMs && NakedStretches.Count < 20)
        {
            NakedStretches.Add($"position {_emulator.GetPosition(_symbol).NetLots} lots without a full stop for {naked} ms at {nowMs}; open: "
                + string.Join(' ', _emulator.OpenOrders(_symbol).Select(o => $"{o.ClientOrderId}:{o.Role}:{o.Side}:{o.QtyLots - o.FilledLots}")));
        }
    }

    /// <summary>Reads VmRSS of <paramref name="pid"/> from /proc (0 when the process is gone).</summary>
    public void SampleMemory(int process, int pid, long elapsedMs)
    {
        long rss = ReadRss(pid);
        if (rss <= 0) return;
        Rss.Add((process, elapsedMs, rss));
        if (rss > MaxRssBytes) MaxRssBytes = rss;
    }

    private static long ReadRss(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
