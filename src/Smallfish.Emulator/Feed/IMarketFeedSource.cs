using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Feed;

/// <summary>
/// A market stream the emulator replays: anything that pushes events into an <see cref="IMarketEventSink"/> one step
/// at a time (a replay reader's <c>ReadNext</c>, the synthetic generator's <c>Step</c>, a recording). Symbol ids index
/// <see cref="VenueEmulatorOptions.Instruments"/>; event times set the pacing of a real-time run (the emulator stamps
/// every event with its own server clock when it releases it).
/// </summary>
public interface IMarketFeedSource
{
    /// <summary>A one-line description for logs and the console ("synthetic seed 7", a file name).</summary>
    string Description { get; }

    /// <summary>Pushes the events of the next step (zero or more); false when the stream has ended.</summary>
    bool Step(IMarketEventSink sink);
}
