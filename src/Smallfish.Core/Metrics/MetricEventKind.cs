namespace Smallfish.Core.Metrics;

/// <summary>
/// The kinds of events the engine counts in <see cref="SmallfishMetrics.EventProcessed"/>; each becomes the value of
/// the <c>kind</c> tag (camelCase of the member name).
/// </summary>
public enum MetricEventKind : byte
{
    /// <summary>An order-book snapshot.</summary>
    BookSnapshot,

    /// <summary>An order-book delta.</summary>
    BookDelta,

    /// <summary>A public trade.</summary>
    Trade,

    /// <summary>A best bid/offer update.</summary>
    Bbo,

    /// <summary>A ticker or funding update.</summary>
    Ticker,

    /// <summary>An order update from the venue.</summary>
    OrderUpdate,

    /// <summary>A fill (execution).</summary>
    Fill,

    /// <summary>A position update from the venue.</summary>
    Position,

    /// <summary>A funding payment.</summary>
    Funding,

    /// <summary>A timer firing.</summary>
    Timer,
}
