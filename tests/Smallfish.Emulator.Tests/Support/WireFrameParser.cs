using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>The production <see cref="WireMarketFrameParser"/> over the test instruments.</summary>
internal static class WireFrameParser
{
    public static WireMarketFrameParser Create(ExchangeKind kind)
    {
        var (symbols, catalog) = TestInstruments.Wire();
        return new WireMarketFrameParser(kind, symbols, catalog);
    }
}
