using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Data;

/// <summary>A market-data file found locally or downloaded.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Exchange">The exchange the data comes from.</param>
/// <param name="Format">What the file holds.</param>
/// <param name="Symbol">Its symbol (upper case), or null for a multi-symbol recording.</param>
/// <param name="Date">The UTC day it covers, or null when the name carries none.</param>
/// <param name="Depth">Order-book depth of a Bybit order-book archive (200, 500, 1000), else 0.</param>
public sealed record DataFile(string Path, ExchangeName Exchange, DataFormat Format, string? Symbol, DateOnly? Date, int Depth = 0)
{
    /// <summary>True when the file can hold events for <paramref name="symbol"/> (its own, or a multi-symbol recording).</summary>
    public bool Covers(string symbol) => Symbol is null || string.Equals(Symbol, symbol, StringComparison.OrdinalIgnoreCase);
}
