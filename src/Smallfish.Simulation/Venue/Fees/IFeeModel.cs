using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Venue.Fees;

/// <summary>The trading fee a venue charges on one fill.</summary>
public interface IFeeModel
{
    /// <summary>
    /// Fee in quote currency for a fill of <paramref name="lots"/> at <paramref name="priceTicks"/>; positive is paid,
    /// negative is a rebate (the sign convention of <see cref="Smallfish.Core.Domain.Fill.Fee"/>).
    /// </summary>
    decimal Fee(InstrumentSpec spec, long priceTicks, long lots, bool isMaker);
}
