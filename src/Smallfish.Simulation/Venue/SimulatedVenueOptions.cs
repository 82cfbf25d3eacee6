using Smallfish.Simulation.Venue.Fees;
using Smallfish.Simulation.Venue.Funding;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Queue;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// The models a <see cref="SimulatedVenue"/> is built from. The defaults are the pessimistic ones: risk-averse queue,
/// Bybit VIP 0 fees (the higher taker rate of the two exchanges), 8-hourly funding; latency defaults to zero and should
/// be set for any backtest whose results matter. Use <see cref="Bybit"/> or <see cref="BinanceUsdm"/> for an exchange's
/// book rules and fees.
/// </summary>
public sealed record SimulatedVenueOptions
{
    /// <summary>Bybit linear: Bybit book sequencing and VIP 0 fees.</summary>
    public static SimulatedVenueOptions Bybit { get; } = new() { BookSync = BookSyncMode.Bybit, Fees = MakerTakerFeeModel.BybitVip0 };

    /// <summary>Binance USD-M: Binance book sequencing and VIP 0 fees.</summary>
    public static SimulatedVenueOptions BinanceUsdm { get; } = new() { BookSync = BookSyncMode.Binance, Fees = MakerTakerFeeModel.BinanceUsdmVip0 };

    /// <summary>How book messages are applied to the venue's book.</summary>
    public BookSyncMode BookSync { get; init; } = BookSyncMode.Unchecked;

    /// <summary>Feed, order entry and response delays.</summary>
    public ILatencyModel Latency { get; init; } = ConstantLatencyModel.Zero;

    /// <summary>How cancels move resting orders up their queue.</summary>
    public IQueueModel QueueModel { get; init; } = RiskAverseQueueModel.Instance;

    /// <summary>Trading fees.</summary>
    public IFeeModel Fees { get; init; } = MakerTakerFeeModel.BybitVip0;

    /// <summary>Funding times and rates.</summary>
    public FundingModel Funding { get; init; } = FundingModel.Default;

    /// <summary>Wallet balance at the start, quote currency.</summary>
    public decimal InitialBalance { get; init; }

    /// <summary>
    /// Leverage for the margin check: a new order that is not reduce-only is rejected with
    /// <see cref="Smallfish.Core.Domain.RejectReason.InsufficientMargin"/> when position notional plus open order
    /// notional plus its own notional exceeds (balance + unrealized P&amp;L) x leverage. 0 turns the check off.
    /// </summary>
    public decimal Leverage { get; init; }

    /// <summary>Seed of the fault injector's random rejects.</summary>
    public ulong FaultSeed { get; init; }
}
