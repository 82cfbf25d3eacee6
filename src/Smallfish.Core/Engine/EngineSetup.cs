using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Core.State;

namespace Smallfish.Core.Engine;

/// <summary>
/// Everything <see cref="EngineBuilder.Build"/> needs to compose a <see cref="TradingEngine"/>. The service and the
/// backtest fill it the same way; only the clock, the order sink and the journal differ.
/// </summary>
public sealed record EngineSetup
{
    /// <summary>The validated options (profile already layered).</summary>
    public required SmallfishOptions Options { get; init; }

    /// <summary>The engine's only clock: the system clock live, a <see cref="Time.SimulatedClock"/> in a backtest.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Where commands go: the exchange gateway live, the simulated venue in a backtest.</summary>
    public required IOrderCommands Orders { get; init; }

    /// <summary>Where decisions, orders, fills, trades and shadow trades are recorded.</summary>
    public required IJournal Journal { get; init; }

    /// <summary>The 13 signals and their fusion.</summary>
    public required ISignalEvaluator Signals { get; init; }

    /// <summary>
    /// The engine incarnation, part of every client order id: a restarted service restores the last run from the
    /// journal and adds one, so no id is ever reused.
    /// </summary>
    public long Run { get; init; } = 1;

    /// <summary>Equity at start, quote currency (ignored when <see cref="State"/> is given).</summary>
    public decimal StartingEquity { get; init; }

    /// <summary>The symbol table (index = symbol id). Default: <see cref="SmallfishOptions.Symbols"/>.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>
    /// Instrument specs (a live gateway's instrument info, a recording's own). Symbols missing here fall back to
    /// <see cref="SmallfishOptions.Instruments"/>.
    /// </summary>
    public InstrumentCatalog? Instruments { get; init; }

    /// <summary>
    /// Effective per-symbol options (e.g. <c>SymbolOptionsResolver.Resolve</c>). Default:
    /// <see cref="SmallfishOptions.ForSymbol"/>.
    /// </summary>
    public Func<string, SymbolScopedOptions>? SymbolOptions { get; init; }

    /// <summary>
    /// True for a restart: the engine refuses entries (<see cref="Risk.GateReason.Reconciling"/>) from its first event
    /// until <see cref="TradingEngine.Reconcile"/> has taken over the exchange's orders and positions and every position
    /// is confirmed protected. Default false (a backtest, a fresh account).
    /// </summary>
    public bool AwaitReconciliation { get; init; }

    /// <summary>A state rebuilt from the journal, to continue from. Default: a fresh state at <see cref="StartingEquity"/>.</summary>
    public RuntimeState? State { get; init; }

    /// <summary>
    /// Book synchronizer per symbol. Default: the configured exchange's (<see cref="BybitBookSynchronizer"/> or
    /// <see cref="BinanceBookSynchronizer"/>).
    /// </summary>
    public Func<OrderBook, IBookSynchronizer>? BookSynchronizer { get; init; }
}
