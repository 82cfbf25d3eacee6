namespace Smallfish.Simulation.Benchmarks;

/// <summary>What the book benchmark runs on and how often.</summary>
public sealed record BookBenchmarkOptions
{
    /// <summary>The real-data folder (<c>shared/data/real</c>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Timed passes over the data after one warm-up pass.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>Only hftbacktest sessions of these symbols (null: all).</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Only the first session of each symbol (a smaller, faster run).</summary>
    public bool FirstSessionOnly { get; init; }

    /// <summary>Include the Bybit recording's linear books.</summary>
    public bool Bybit { get; init; } = true;

    /// <summary>Include the raw JSON parse throughput of the Binance lines.</summary>
    public bool Parse { get; init; } = true;
}
