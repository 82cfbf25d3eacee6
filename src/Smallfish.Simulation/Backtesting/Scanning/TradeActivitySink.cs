using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Scanning;

namespace Smallfish.Simulation.Backtesting.Scanning;

/// <summary>
/// An <see cref="IMarketEventSink"/> that feeds each symbol's trades to its <see cref="SymbolActivityAccumulator"/>
/// (book, BBO and ticker events are ignored), so any replay reader can drive the scanner.
/// </summary>
public sealed class TradeActivitySink : IMarketEventSink
{
    private readonly InstrumentSpec[] _specs;
    private readonly SymbolActivityAccumulator[] _accumulators;

    /// <summary>Creates the sink; <paramref name="specsBySymbolId"/> holds the instrument of each symbol id.</summary>
    public TradeActivitySink(IReadOnlyList<InstrumentSpec> specsBySymbolId)
    {
        ArgumentNullException.ThrowIfNull(specsBySymbolId);
        _specs = [.. specsBySymbolId];
        _accumulators = new SymbolActivityAccumulator[_specs.Length];
        for (int i = 0; i < _specs.Length; i++) _accumulators[i] = new SymbolActivityAccumulator(_specs[i].Symbol);
    }

    /// <summary>Every symbol's activity, by symbol id.</summary>
    public IReadOnlyList<SymbolActivity> Activities() => Array.ConvertAll(_accumulators, a => a.ToActivity());

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        if ((uint)trade.SymbolId >= (uint)_specs.Length) return;
        var spec = _specs[trade.SymbolId];
        _accumulators[trade.SymbolId].Add(trade.ExchTsNs, spec.Price.ToDouble(trade.PriceTicks), spec.Qty.ToDouble(trade.QtyLots));
    }

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
    }
}
