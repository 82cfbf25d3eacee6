using Smallfish.Core.Domain;

namespace Smallfish.Service.Trading;

/// <summary>What an <see cref="OrderCommand"/> asks the exchange to do.</summary>
internal enum OrderCommandKind : byte
{
    Place,
    Cancel,
    Amend,
}

/// <summary>
/// One engine command on its way to the exchange's REST API, with the receive time of the market frame that was being
/// processed when the engine issued it (0 when none: a timer, a report), for the latency probe.
/// </summary>
internal readonly record struct OrderCommand(
    OrderCommandKind Kind, OrderRequest? Request, string Symbol, string ClientOrderId, long PriceTicks, long QtyLots, long TriggerNs);
