using Smallfish.Core.Instruments;
using Smallfish.Simulation.Venue;

namespace Smallfish.Emulator.Feed;

/// <summary>A replayable recording opened by <see cref="MarketFeeds.OpenRecording"/>: the source, the instruments it needs (in symbol-id order) and how the venue must apply its book messages.</summary>
/// <param name="Source">The feed.</param>
/// <param name="Instruments">Instruments in the order of the symbol ids the reader stamps.</param>
/// <param name="BookSync">Book rules of the recorded venue (raw recordings need the exchange's own sync procedure).</param>
public sealed record RecordedFeed(IMarketFeedSource Source, IReadOnlyList<InstrumentSpec> Instruments, BookSyncMode BookSync);
