using Smallfish.Backtest.Data;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Commands;

/// <summary>The parsed and validated options of a backtest run (see <see cref="RunOptions"/>).</summary>
public sealed record RunSettings
{
    /// <summary>Symbols named with --symbol / --symbols, upper case, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>--auto N: let the scanner pick the N most active symbols; 0 when not given.</summary>
    public int Auto { get; init; }

    /// <summary>--days N: the last N complete UTC days; 0 when not given.</summary>
    public int Days { get; init; }

    /// <summary>--from: first UTC day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>--to: last UTC day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The profiles to run: the one of --mode, or all four with --sweep (most cautious first).</summary>
    public IReadOnlyList<TradingMode> Modes { get; init; } = [TradingMode.Balanced];

    /// <summary>--equity: starting equity in quote currency (null: the configuration's).</summary>
    public decimal? Equity { get; init; }

    /// <summary>--exchange.</summary>
    public ExchangeName Exchange { get; init; } = ExchangeName.Bybit;

    /// <summary>--chart.</summary>
    public bool Chart { get; init; }

    /// <summary>--multigrid.</summary>
    public bool Multigrid { get; init; }

    /// <summary>--data DIR.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>--out DIR.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>--cache DIR (default: the XDG cache).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The UTC day range, --days resolved against <paramref name="time"/> (null when no range was given).</summary>
    public (DateOnly From, DateOnly To)? DayRange(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Days > 0) return DataRequest.LastDays(Days, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (From is null && To is null) return null;
        return (From ?? To!.Value, To ?? From!.Value);
    }

    /// <summary>The data request for <paramref name="symbols"/> (defaults to <see cref="Symbols"/>).</summary>
    public DataRequest ToDataRequest(TimeProvider time, IReadOnlyList<string>? symbols = null)
    {
        var range = DayRange(time);
        return new DataRequest { Exchange = Exchange, Symbols = symbols ?? Symbols, From = range?.From, To = range?.To };
    }

    /// <summary>The catalog options (--data, --cache).</summary>
    public DataCatalogOptions ToCatalogOptions() => CacheDirectory is null
        ? new DataCatalogOptions { DataDirectory = DataDirectory }
        : new DataCatalogOptions { DataDirectory = DataDirectory, CacheDirectory = CacheDirectory };
}
