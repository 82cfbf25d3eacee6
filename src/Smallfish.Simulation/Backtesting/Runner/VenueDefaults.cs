using Smallfish.Core.Configuration;
using Smallfish.Simulation.Venue;
using Smallfish.Simulation.Venue.Latency;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// The simulated venue a backtest uses for each exchange: the exchange's book sequencing and base (VIP 0) fees from
/// <see cref="SimulatedVenueOptions"/>, the risk-averse queue model, 8-hourly funding, and latencies for a small
/// machine on a home connection to the exchange's region (the Raspberry Pi this engine is built for): market data
/// reaches the strategy <see cref="FeedLatencyNs"/> after the exchange stamped it, an order reaches the matching engine
/// <see cref="EntryLatencyNs"/> after the decision, and its acknowledgement or fill comes back
/// <see cref="ResponseLatencyNs"/> after the match. These are assumptions, not measurements; a colocated setup is faster.
/// </summary>
public static class VenueDefaults
{
    /// <summary>Feed delay: 30 ms.</summary>
    public const long FeedLatencyNs = 30_000_000L;

    /// <summary>Order entry delay: 40 ms.</summary>
    public const long EntryLatencyNs = 40_000_000L;

    /// <summary>Report delay: 40 ms.</summary>
    public const long ResponseLatencyNs = 40_000_000L;

    /// <summary>The venue options of <paramref name="exchange"/> with <paramref name="bookSync"/> rules, a balance and a leverage.</summary>
    public static SimulatedVenueOptions For(ExchangeName exchange, BookSyncMode bookSync, decimal balance, decimal leverage)
    {
        var preset = exchange == ExchangeName.Binance ? SimulatedVenueOptions.BinanceUsdm : SimulatedVenueOptions.Bybit;
        return preset with
        {
            BookSync = bookSync,
            Latency = new ConstantLatencyModel(FeedLatencyNs, EntryLatencyNs, ResponseLatencyNs),
            InitialBalance = balance,
            Leverage = leverage,
        };
    }
}
