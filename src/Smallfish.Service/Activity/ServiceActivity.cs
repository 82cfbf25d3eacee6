using System.Threading.Channels;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Monitoring.Status;

namespace Smallfish.Service.Activity;

/// <summary>
/// What happened in this run, as the journal saw it: recent round trips, entry and exit fills (price markers), equity
/// points, fill and reject counts, the engine's tick-to-decision and decision-to-order latencies, and a queue of
/// notices for Telegram. Written by <see cref="ActivityJournal"/> on the engine loop's thread, read by the status
/// endpoint, Telegram and the dashboard from theirs. Writes take a short lock or none; nothing here waits.
/// </summary>
public sealed class ServiceActivity
{
    /// <summary>Round trips kept.</summary>
    public const int TradesKept = 200;

    /// <summary>Price markers kept (all symbols).</summary>
    public const int MarkersKept = 400;

    /// <summary>Equity points kept.</summary>
    public const int EquityKept = 2_000;

    private readonly object _gate = new();
    private readonly Queue<TradeResult> _trades = new();
    private readonly Queue<PricedMarker> _markers = new();
    private readonly Queue<EquitySnapshot> _equity = new();
    private readonly Channel<ActivityNotice> _notices = Channel.CreateBounded<ActivityNotice>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = false,
    });

    private long _fills;
    private long _rejects;

    /// <summary>From a market event's local receipt to the engine's entry decision on it.</summary>
    public LatencyHistogram TickToDecision { get; } = new();

    /// <summary>From an entry decision to its order leaving the engine (recorded as sent).</summary>
    public LatencyHistogram DecisionToOrder { get; } = new();

    /// <summary>Fills booked this run.</summary>
    public long Fills => Interlocked.Read(ref _fills);

    /// <summary>Orders the venue rejected this run.</summary>
    public long Rejects => Interlocked.Read(ref _rejects);

    /// <summary>Notices waiting for Telegram (the oldest are dropped when nobody reads).</summary>
    public ChannelReader<ActivityNotice> Notices => _notices.Reader;

    /// <summary>Counts a fill.</summary>
    public void CountFill() => Interlocked.Increment(ref _fills);

    /// <summary>Counts a rejected order.</summary>
    public void CountReject() => Interlocked.Increment(ref _rejects);

    /// <summary>Queues a notice; never blocks.</summary>
    public void Notify(ActivityNotice notice) => _notices.Writer.TryWrite(notice);

    /// <summary>Keeps a closed round trip.</summary>
    public void AddTrade(TradeResult trade)
    {
        lock (_gate) Keep(_trades, trade, TradesKept);
    }

    /// <summary>Keeps a fill marker.</summary>
    public void AddMarker(PricedMarker marker)
    {
        lock (_gate) Keep(_markers, marker, MarkersKept);
    }

    /// <summary>Keeps an equity point.</summary>
    public void AddEquity(EquitySnapshot point)
    {
        lock (_gate) Keep(_equity, point, EquityKept);
    }

    /// <summary>The last <paramref name="count"/> round trips of this run, oldest first.</summary>
    public IReadOnlyList<TradeResult> RecentTrades(int count)
    {
        lock (_gate)
        {
            TradeResult[] all = _trades.ToArray();
            return count >= all.Length ? all : all[^count..];
        }
    }

    /// <summary>The markers of <paramref name="symbol"/>, oldest first.</summary>
    public IReadOnlyList<PriceMarker> Markers(string symbol)
    {
        var list = new List<PriceMarker>();
        lock (_gate)
        {
            foreach (PricedMarker m in _markers)
            {
                if (m.Symbol == symbol) list.Add(m.Marker);
            }
        }

        return list;
    }

    /// <summary>Equity points journaled this run, oldest first.</summary>
    public IReadOnlyList<EquitySnapshot> EquityPoints()
    {
        lock (_gate) return _equity.ToArray();
    }

    private static void Keep<T>(Queue<T> queue, T item, int limit)
    {
        queue.Enqueue(item);
        while (queue.Count > limit) queue.Dequeue();
    }
}
