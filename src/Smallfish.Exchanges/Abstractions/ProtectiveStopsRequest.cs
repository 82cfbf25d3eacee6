using Smallfish.Core.Domain;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Protective stop-loss / take-profit for an open position, closing the whole position when triggered. Bybit sets
/// them on the position (<c>POST /v5/position/trading-stop</c>, tpslMode Full, market legs); Binance places
/// conditional algo orders (<c>POST /fapi/v1/algoOrder</c>, STOP_MARKET / TAKE_PROFIT_MARKET with closePosition).
/// A leg with 0 ticks is not placed (and on cancel, Bybit clears it with "0").
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="PositionSide">Side of the position being protected (the stop orders take the opposite side).</param>
/// <param name="StopLossTicks">Stop trigger price in ticks, 0 for none.</param>
/// <param name="StopLossClientId">Client id of the stop leg (Binance <c>clientAlgoId</c>).</param>
/// <param name="TakeProfitTicks">Take-profit trigger price in ticks, 0 for none.</param>
/// <param name="TakeProfitClientId">Client id of the take-profit leg.</param>
/// <param name="Slot">Which position (one-way or hedge side).</param>
public sealed record ProtectiveStopsRequest(
    string Symbol,
    Side PositionSide,
    long StopLossTicks,
    string StopLossClientId,
    long TakeProfitTicks,
    string TakeProfitClientId,
    PositionSlot Slot = PositionSlot.OneWay);
