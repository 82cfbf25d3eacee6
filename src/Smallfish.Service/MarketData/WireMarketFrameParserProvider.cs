using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Streams;
using Smallfish.Service.Hosting;
using CoreCatalog = Smallfish.Core.Instruments.InstrumentCatalog;

namespace Smallfish.Service.MarketData;

/// <summary>
/// The gateways' <see cref="WireMarketFrameParser"/> (Smallfish.Wire's zero-allocation parsers) over the run's symbol
/// table, with the same ids as <see cref="RunContext.Symbols"/>, and its instrument grids.
/// </summary>
public sealed class WireMarketFrameParserProvider(RunContext context) : IMarketFrameParserProvider
{
    /// <inheritdoc />
    public IMarketFrameParser? Create(ExchangeName exchange, IInstrumentLookup instruments)
    {
        var symbols = new SymbolTable();
        foreach (string symbol in context.Symbols) symbols.GetOrAdd(symbol);
        return new WireMarketFrameParser(exchange == ExchangeName.Binance ? ExchangeKind.Binance : ExchangeKind.Bybit, symbols, new CoreCatalog(context.Instruments));
    }
}
