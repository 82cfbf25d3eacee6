using Smallfish.Core.Configuration;
using Smallfish.Simulation.Venue;

namespace Smallfish.Service.Trading;

/// <summary>
/// The paper venue's models: the configured exchange's book rules and base fees (<see cref="SimulatedVenueOptions"/>
/// presets), zero latency (reports land in the same loop input that sent the command), the configured leverage and
/// the given balance. A backtest configured with these options simulates the same venue (docs/reliability.md, "Parity").
/// </summary>
public static class PaperVenueOptions
{
    /// <summary>The venue options for <paramref name="options"/> with a balance of <paramref name="equity"/>.</summary>
    public static SimulatedVenueOptions For(SmallfishOptions options, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulatedVenueOptions preset = options.Exchange.Name == ExchangeName.Binance ? SimulatedVenueOptions.BinanceUsdm : SimulatedVenueOptions.Bybit;
        return preset with { InitialBalance = equity, Leverage = options.Risk.Leverage };
    }
}
