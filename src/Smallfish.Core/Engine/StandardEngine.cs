using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Engine;

/// <summary>
/// The one registration of the trading engine that the service and the backtest share: the 13-signal
/// <see cref="SignalEngine"/> as the evaluator, composed by <see cref="EngineBuilder"/>. Callers add what differs
/// (starting equity, instrument catalog, book synchronizers, run, restored state) with a <c>with</c> expression on the
/// returned setup and pass it to <see cref="EngineBuilder.Build"/>.
/// </summary>
public static class StandardEngine
{
    /// <summary>The 13 signals and their fusion for <paramref name="symbols"/> (each symbol's effective options).</summary>
    public static ISignalEvaluator CreateSignals(SmallfishOptions options, IReadOnlyList<string> symbols) => SignalEngine.FromOptions(options, symbols);

    /// <summary>
    /// The setup of the standard engine over <paramref name="clock"/>, <paramref name="orders"/> and
    /// <paramref name="journal"/>; <paramref name="signals"/> null means <see cref="CreateSignals"/>.
    /// </summary>
    public static EngineSetup Setup(SmallfishOptions options, IReadOnlyList<string> symbols, TimeProvider clock, IOrderCommands orders, IJournal journal,
        ISignalEvaluator? signals = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        return new EngineSetup
        {
            Options = options,
            Clock = clock ?? throw new ArgumentNullException(nameof(clock)),
            Orders = orders ?? throw new ArgumentNullException(nameof(orders)),
            Journal = journal ?? throw new ArgumentNullException(nameof(journal)),
            Signals = signals ?? CreateSignals(options, symbols),
            Symbols = symbols,
        };
    }
}
