namespace Smallfish.Remote.Alerts;

/// <summary>Supplies the daily summary; the service implements it over RuntimeState and the journal.</summary>
public interface IDailySummarySource
{
    /// <summary>
    /// The summary as of <paramref name="asOf"/> (the scheduled UTC time). Called on a timer thread: read a snapshot,
    /// return quickly, never block on the engine.
    /// </summary>
    DailySummaryView GetDailySummary(DateTimeOffset asOf);
}
