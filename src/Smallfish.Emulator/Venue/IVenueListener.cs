using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>
/// A protocol surface's view of what happens at the venue; called under the venue gate, in venue order, so a listener
/// may read any venue state while it formats frames. Listeners enqueue frames; they never block.
/// </summary>
internal interface IVenueListener
{
    /// <summary>
    /// The published book of a symbol may have changed: after every market event, <paramref name="bookMessage"/> true
    /// when the event was a feed book message (one message of the feed, even one that changed nothing visible).
    /// </summary>
    void OnBookChanged(int symbolId, bool bookMessage);

    /// <summary>A public trade printed.</summary>
    void OnTrade(int symbolId, in PublicTradeRecord trade);

    /// <summary>Ticker fields of a symbol changed.</summary>
    void OnTicker(int symbolId);

    /// <summary>An order changed state.</summary>
    void OnOrder(EmulatedOrder order, OrderEventKind kind);

    /// <summary>An order filled; <paramref name="order"/> already includes the fill.</summary>
    void OnFill(EmulatedOrder order, in WireExecution fill);

    /// <summary>The position of a symbol or the wallet changed (<paramref name="reason"/>: ORDER, FUNDING_FEE).</summary>
    void OnAccount(int symbolId, string reason, decimal balanceChange);
}
