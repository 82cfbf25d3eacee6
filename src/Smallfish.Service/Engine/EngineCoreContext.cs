using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Journal;
using Smallfish.Hosting.Runtime;

namespace Smallfish.Service.Engine;

/// <summary>What an <see cref="IEngineCoreFactory"/> gets to build the engine, once the journal is open.</summary>
/// <param name="Options">The validated configuration.</param>
/// <param name="Mode">Paper, testnet, live or offline.</param>
/// <param name="Clock">The run's clock.</param>
/// <param name="Journal">The open journal (decisions, orders, fills, trades).</param>
/// <param name="RunId">This incarnation's durable run counter (client order ids must include it).</param>
/// <param name="Symbols">The symbol table: index = symbol id in market events.</param>
/// <param name="Instruments">The instrument grids known at start (configuration fallbacks).</param>
public sealed record EngineCoreContext(
    SmallfishOptions Options,
    RunMode Mode,
    TimeProvider Clock,
    IJournal Journal,
    long RunId,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<InstrumentSpec> Instruments);
