using System.Diagnostics.Metrics;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Metrics;

/// <summary>
/// The engine's instruments on the <c>Smallfish</c> <see cref="System.Diagnostics.Metrics.Meter"/>: latency
/// histograms, event, resync, reject and fill counters, and equity / open-position gauges. Recording allocates
/// nothing: hot instruments carry no tags or one precomputed tag, and the gauges read fields the engine sets. Any
/// exporter (the service's Prometheus endpoint, <c>dotnet-counters</c>) listens to the meter by name.
/// </summary>
/// <remarks>
/// Instrument names follow the OpenTelemetry style (<c>smallfish.engine.tick_to_decision</c>); an exporter maps them
/// to its own convention (Prometheus: <c>smallfish_engine_tick_to_decision_microseconds</c>). The latency histograms
/// advise explicit bucket boundaries (<see cref="LatencyBucketsUs"/>, <see cref="FeedLatencyBucketsMs"/>).
/// </remarks>
public sealed class SmallfishMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Smallfish";

    /// <summary>Name of the tick-to-decision latency histogram (µs).</summary>
    public const string TickToDecisionName = "smallfish.engine.tick_to_decision";

    /// <summary>Name of the decision-to-order latency histogram (µs).</summary>
    public const string DecisionToOrderName = "smallfish.engine.decision_to_order";

    /// <summary>Name of the feed latency histogram (ms).</summary>
    public const string FeedLatencyName = "smallfish.feed.latency";

    /// <summary>Name of the events-processed counter (tag <c>kind</c>).</summary>
    public const string EventsName = "smallfish.engine.events";

    /// <summary>Name of the book resync counter (tag <c>reason</c>).</summary>
    public const string BookResyncsName = "smallfish.book.resyncs";

    /// <summary>Name of the order reject counter (tag <c>reason</c>).</summary>
    public const string OrderRejectsName = "smallfish.orders.rejects";

    /// <summary>Name of the fill counter (tag <c>liquidity</c>: <c>maker</c> or <c>taker</c>).</summary>
    public const string FillsName = "smallfish.orders.fills";

    /// <summary>Name of the equity gauge (quote currency).</summary>
    public const string EquityName = "smallfish.account.equity";

    /// <summary>Name of the open-positions gauge.</summary>
    public const string OpenPositionsName = "smallfish.positions.open";

    /// <summary>Bucket upper bounds for the in-process latency histograms, in microseconds.</summary>
    public static readonly IReadOnlyList<double> LatencyBucketsUs =
        [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

    /// <summary>Bucket upper bounds for the feed latency histogram, in milliseconds.</summary>
    public static readonly IReadOnlyList<double> FeedLatencyBucketsMs =
        [0.5, 1, 2, 5, 10, 20, 50, 80, 100, 200, 500, 1_000, 2_000, 5_000];

    private static readonly KeyValuePair<string, object?>[] KindTags = TagsFor<MetricEventKind>("kind");
    private static readonly KeyValuePair<string, object?>[] ResyncTags = TagsFor<BookInvalidReason>("reason");
    private static readonly KeyValuePair<string, object?>[] RejectTags = TagsFor<RejectReason>("reason");
    private static readonly KeyValuePair<string, object?> MakerTag = new("liquidity", "maker");
    private static readonly KeyValuePair<string, object?> TakerTag = new("liquidity", "taker");

    private readonly bool _ownsMeter;
    private readonly Histogram<double> _tickToDecision;
    private readonly Histogram<double> _decisionToOrder;
    private readonly Histogram<double> _feedLatency;
    private readonly Counter<long> _events;
    private readonly Counter<long> _bookResyncs;
    private readonly Counter<long> _orderRejects;
    private readonly Counter<long> _fills;
    private double _equity;
    private int _equitySet;
    private int _openPositions;

    /// <summary>
    /// Creates the instruments on a meter from <paramref name="meterFactory"/> (the host's, which owns and disposes
    /// it) or, without one, on a meter this instance owns.
    /// </summary>
    public SmallfishMetrics(IMeterFactory? meterFactory = null)
    {
        var meterOptions = new MeterOptions(MeterName) { Version = typeof(SmallfishMetrics).Assembly.GetName().Version?.ToString() };
        if (meterFactory is null)
        {
            Meter = new Meter(meterOptions);
            _ownsMeter = true;
        }
        else
        {
            Meter = meterFactory.Create(meterOptions);
        }

        _tickToDecision = Meter.CreateHistogram(TickToDecisionName, "us",
            "Time from a market event's local receipt to the engine's decision on it.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsUs });
        _decisionToOrder = Meter.CreateHistogram(DecisionToOrderName, "us",
            "Time from a decision to its order bytes being handed to the transport.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsUs });
        _feedLatency = Meter.CreateHistogram(FeedLatencyName, "ms",
            "Local receive time minus exchange time of market data messages.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedLatencyBucketsMs });
        _events = Meter.CreateCounter<long>(EventsName, "{event}", "Events processed by the engine, by kind.");
        _bookResyncs = Meter.CreateCounter<long>(BookResyncsName, "{resync}", "Order-book resyncs, by the reason the book became invalid.");
        _orderRejects = Meter.CreateCounter<long>(OrderRejectsName, "{order}", "Orders refused or cancelled by the venue, by normalized reason.");
        _fills = Meter.CreateCounter<long>(FillsName, "{fill}", "Fills, by liquidity (maker or taker).");
        Meter.CreateObservableGauge(EquityName, ObserveEquity, "{quote}", "Account equity in quote currency (realized + unrealized).");
        Meter.CreateObservableGauge(OpenPositionsName, () => Volatile.Read(ref _openPositions), "{position}", "Open positions.");
    }

    /// <summary>The meter holding the instruments.</summary>
    public Meter Meter { get; }

    /// <summary>Records the time from a market event's local receipt to the decision, given in nanoseconds (stored in µs).</summary>
    public void RecordTickToDecision(long elapsedNs) => _tickToDecision.Record(elapsedNs / 1_000.0);

    /// <summary>Records the time from a decision to its order leaving the engine, given in nanoseconds (stored in µs).</summary>
    public void RecordDecisionToOrder(long elapsedNs) => _decisionToOrder.Record(elapsedNs / 1_000.0);

    /// <summary>Records a market data message's feed latency (local receive minus exchange time), given in nanoseconds (stored in ms).</summary>
    public void RecordFeedLatency(long latencyNs) => _feedLatency.Record(latencyNs / 1_000_000.0);

    /// <summary>Counts one processed event of <paramref name="kind"/>.</summary>
    public void EventProcessed(MetricEventKind kind) => _events.Add(1, KindTags[(int)kind]);

    /// <summary>Counts one order-book resync caused by <paramref name="reason"/>.</summary>
    public void BookResynced(BookInvalidReason reason) => _bookResyncs.Add(1, ResyncTags[(int)reason]);

    /// <summary>Counts one order refused or cancelled by the venue for <paramref name="reason"/>.</summary>
    public void OrderRejected(RejectReason reason) => _orderRejects.Add(1, RejectTags[(int)reason]);

    /// <summary>Counts one fill, as maker when <paramref name="isMaker"/>, else as taker.</summary>
    public void Filled(bool isMaker) => _fills.Add(1, isMaker ? MakerTag : TakerTag);

    /// <summary>Sets the equity the gauge reports (quote currency). Until the first call the gauge reports nothing.</summary>
    public void SetEquity(double equity)
    {
        Volatile.Write(ref _equity, equity);
        Volatile.Write(ref _equitySet, 1);
    }

    /// <summary>Sets the number of open positions the gauge reports.</summary>
    public void SetOpenPositions(int count) => Volatile.Write(ref _openPositions, count);

    /// <summary>Disposes the meter when this instance created it; a factory's meter is left to the factory.</summary>
    public void Dispose()
    {
        if (_ownsMeter) Meter.Dispose();
    }

    private IEnumerable<Measurement<double>> ObserveEquity() =>
        Volatile.Read(ref _equitySet) == 0 ? [] : [new Measurement<double>(Volatile.Read(ref _equity))];

    // One precomputed tag per enum value (indexed by the value), so recording never formats or boxes.
    private static KeyValuePair<string, object?>[] TagsFor<TEnum>(string key) where TEnum : struct, Enum
    {
        TEnum[] values = Enum.GetValues<TEnum>();
        int max = 0;
        foreach (TEnum v in values) max = Math.Max(max, Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture));
        var tags = new KeyValuePair<string, object?>[max + 1];
        for (int i = 0; i < tags.Length; i++) tags[i] = new(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (TEnum v in values)
        {
            string name = v.ToString();
            tags[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = new(key, char.ToLowerInvariant(name[0]) + name[1..]);
        }
        return tags;
    }
}
