using System.Diagnostics.CodeAnalysis;
using Smallfish.Core.Instruments;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Finds the price/quantity grid and the engine's symbol index of a symbol. Gateways need it wherever decimals
/// become ticks and lots (order requests, fills, REST book snapshots). The market-data parsers must use the same
/// symbol indexes.
/// </summary>
public interface IInstrumentLookup
{
    /// <summary>Looks up <paramref name="symbol"/> (exchange spelling, upper case).</summary>
    bool TryGet(string symbol, [NotNullWhen(true)] out InstrumentSpec? spec, out int symbolId);
}
