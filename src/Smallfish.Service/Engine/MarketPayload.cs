using System.Runtime.InteropServices;
using Smallfish.Core.MarketData;

namespace Smallfish.Service.Engine;

/// <summary>The unmanaged market events overlaid in one slot, so a queued input holds whichever one it carries without boxing.</summary>
[StructLayout(LayoutKind.Explicit)]
internal readonly struct MarketPayload
{
    [FieldOffset(0)] public readonly TradeEvent Trade;
    [FieldOffset(0)] public readonly BboEvent Bbo;
    [FieldOffset(0)] public readonly TickerEvent Ticker;

    public MarketPayload(in TradeEvent trade)
    {
        this = default;
        Trade = trade;
    }

    public MarketPayload(in BboEvent bbo)
    {
        this = default;
        Bbo = bbo;
    }

    public MarketPayload(in TickerEvent ticker)
    {
        this = default;
        Ticker = ticker;
    }
}
