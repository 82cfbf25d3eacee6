namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>What a <see cref="CommandRecord"/> asked the venue to do.</summary>
public enum CommandKind : byte
{
    /// <summary>Place an order.</summary>
    Place,

    /// <summary>Cancel an order.</summary>
    Cancel,

    /// <summary>Amend an order.</summary>
    Amend,
}

/// <summary>One command the strategy sent, with the decision time: the unit the parity check compares.</summary>
/// <param name="TsNs">Decision time (the simulated clock when the command was sent), ns.</param>
/// <param name="Kind">Place, cancel or amend.</param>
/// <param name="Text">The command's fields in a fixed invariant form (client id, symbol, side, type, prices, quantity...).</param>
public readonly record struct CommandRecord(long TsNs, CommandKind Kind, string Text)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TsNs} {Kind} {Text}");
}
