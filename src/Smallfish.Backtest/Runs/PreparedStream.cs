using Smallfish.Core.Instruments;
using Smallfish.Simulation.Cache;
using Smallfish.Simulation.Venue;

namespace Smallfish.Backtest.Runs;

/// <summary>One symbol's replayable stream, ready for any number of runs.</summary>
/// <param name="Instrument">The symbol's grid.</param>
/// <param name="Open">Opens a fresh reader of the stream (symbol id 0); each run calls it once.</param>
/// <param name="FirstTsNs">Exchange time of the first event.</param>
/// <param name="LastTsNs">Exchange time of the last event.</param>
/// <param name="Events">Events in the stream.</param>
/// <param name="Synthetic">True for a generated market.</param>
/// <param name="BookSync">How the stream sequences book messages.</param>
/// <param name="Description">One line saying where the stream comes from.</param>
public sealed record PreparedStream(
    InstrumentSpec Instrument,
    Func<IOrderedEventSource> Open,
    long FirstTsNs,
    long LastTsNs,
    long Events,
    bool Synthetic,
    BookSyncMode BookSync,
    string Description)
{
    /// <summary>The symbol.</summary>
    public string Symbol => Instrument.Symbol;
}
