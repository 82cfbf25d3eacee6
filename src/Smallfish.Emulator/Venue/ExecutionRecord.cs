using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>One fill of one order, kept for execution queries (Bybit <c>/v5/execution/list</c>, Binance <c>userTrades</c>).</summary>
/// <param name="Order">The order that filled.</param>
/// <param name="Execution">The fill.</param>
/// <param name="OrderAfter">The order's state right after this fill.</param>
internal sealed record ExecutionRecord(EmulatedOrder Order, WireExecution Execution, WireOrder OrderAfter);
