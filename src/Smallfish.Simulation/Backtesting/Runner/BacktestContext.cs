using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// What a strategy factory gets to build the object under test for one run: the very pieces the service composition
/// gets, with the simulated clock, the simulated venue's command port and the run's journal in place of the live ones.
/// </summary>
public sealed record BacktestContext
{
    /// <summary>The profile's validated options.</summary>
    public required SmallfishOptions Options { get; init; }

    /// <summary>The profile name (e.g. "balanced").</summary>
    public required string Profile { get; init; }

    /// <summary>The run's only clock.</summary>
    public required SimulatedClock Clock { get; init; }

    /// <summary>Where orders go (the simulated venue, through the run's command log).</summary>
    public required IOrderCommands Orders { get; init; }

    /// <summary>Where decisions, trades and shadow trades are recorded.</summary>
    public required IJournal Journal { get; init; }

    /// <summary>Symbol table: element i is symbol id i.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>Instrument grids in symbol-id order.</summary>
    public required IReadOnlyList<InstrumentSpec> Instruments { get; init; }

    /// <summary>Starting equity, quote currency.</summary>
    public required decimal StartingEquity { get; init; }

    /// <summary>The exchange whose rules and fees are simulated.</summary>
    public required ExchangeName Exchange { get; init; }

    /// <summary>How the feed sequences its book messages (synthetic streams are Bybit-style whatever the exchange).</summary>
    public required BookSyncMode BookSync { get; init; }
}
