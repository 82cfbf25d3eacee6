namespace Smallfish.Simulation.Replay;

/// <summary>What a replay reader has read so far: lines, events pushed by kind, and lines not turned into events.</summary>
public sealed class ReplayCounters
{
    /// <summary>Lines read, of every kind.</summary>
    public long Lines { get; internal set; }

    /// <summary>Order-book snapshots pushed.</summary>
    public long BookSnapshots { get; internal set; }

    /// <summary>Order-book deltas pushed.</summary>
    public long BookDeltas { get; internal set; }

    /// <summary>Trades pushed.</summary>
    public long Trades { get; internal set; }

    /// <summary>Best bid/offer quotes pushed.</summary>
    public long Bbos { get; internal set; }

    /// <summary>Ticker events pushed.</summary>
    public long Tickers { get; internal set; }

    /// <summary>Well-formed lines with nothing for the engine: headers, blank lines, acks, klines, other markets.</summary>
    public long IgnoredLines { get; internal set; }

    /// <summary>Well-formed lines with an unknown event type or a symbol the run does not know.</summary>
    public long UnknownLines { get; internal set; }

    /// <summary>Malformed lines skipped under <see cref="ReplayErrorPolicy.Skip"/>. Non-zero means the replay did not see all the data.</summary>
    public long SkippedLines { get; internal set; }

    /// <summary>All events pushed.</summary>
    public long Events => BookSnapshots + BookDeltas + Trades + Bbos + Tickers;

    /// <inheritdoc />
    public override string ToString() =>
        $"lines={Lines} snapshots={BookSnapshots} deltas={BookDeltas} trades={Trades} bbos={Bbos} tickers={Tickers} " +
        $"ignored={IgnoredLines} unknown={UnknownLines} skipped={SkippedLines}";
}
