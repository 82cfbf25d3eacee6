using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Time;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Passes the strategy's commands on to the venue and keeps each one with its decision time: the record of what the
/// strategy decided, which the parity check compares between a backtest and a plain re-run of the engine on the same
/// stream (and, later, a live session).
/// </summary>
public sealed class CommandLog : IOrderCommands
{
    private readonly IOrderCommands _inner;
    private readonly SimulatedClock _clock;
    private readonly List<CommandRecord> _records = new();

    /// <summary>Logs commands sent to <paramref name="inner"/> at <paramref name="clock"/>'s time.</summary>
    public CommandLog(IOrderCommands inner, SimulatedClock clock)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The commands in the order sent.</summary>
    public IReadOnlyList<CommandRecord> Records => _records;

    /// <inheritdoc />
    public void Place(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _records.Add(new CommandRecord(_clock.NowNs, CommandKind.Place, string.Create(CultureInfo.InvariantCulture,
            $"{request.ClientOrderId} {request.Symbol} {request.Side} {request.Type} {request.TimeInForce} {request.PriceTicks} {request.QtyLots} {request.TriggerPriceTicks} {request.ReduceOnly} {request.Role}")));
        _inner.Place(request);
    }

    /// <inheritdoc />
    public void Cancel(string symbol, string clientOrderId)
    {
        _records.Add(new CommandRecord(_clock.NowNs, CommandKind.Cancel, clientOrderId + " " + symbol));
        _inner.Cancel(symbol, clientOrderId);
    }

    /// <inheritdoc />
    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots)
    {
        _records.Add(new CommandRecord(_clock.NowNs, CommandKind.Amend,
            string.Create(CultureInfo.InvariantCulture, $"{clientOrderId} {symbol} {newPriceTicks} {newQtyLots}")));
        _inner.Amend(symbol, clientOrderId, newPriceTicks, newQtyLots);
    }
}
