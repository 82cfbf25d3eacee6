using Smallfish.Core.Configuration;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Service.MarketData;

/// <summary>
/// Supplies the zero-allocation public-frame parser of a venue (Smallfish.Wire). The service asks for it once, at
/// start; without a provider (or when it returns null) market data is not started and the heartbeat reports the
/// feed stale.
/// </summary>
public interface IMarketFrameParserProvider
{
    /// <summary>The parser of <paramref name="exchange"/>'s public frames, resolving symbols through <paramref name="instruments"/>; null when there is none.</summary>
    IMarketFrameParser? Create(ExchangeName exchange, IInstrumentLookup instruments);
}
