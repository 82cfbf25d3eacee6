namespace Smallfish.Monitoring.Metrics;

/// <summary>How measurements of an instrument combine into a series value.</summary>
internal enum AggregationKind
{
    /// <summary>Deltas summed (Counter, UpDownCounter).</summary>
    Sum,

    /// <summary>The last value wins (gauges, observable instruments that report totals).</summary>
    Last,

    /// <summary>Explicit-bucket histogram with sum and count.</summary>
    Histogram,
}
