using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Data;

/// <summary>Which market data a backtest needs.</summary>
public sealed record DataRequest
{
    /// <summary>The exchange whose data to use.</summary>
    public required ExchangeName Exchange { get; init; }

    /// <summary>Symbols, e.g. BTCUSDT (case-insensitive).</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>First UTC day, inclusive; null with <see cref="To"/> null means "whatever is there" (local data only).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last UTC day, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Formats every day must have (default: the exchange's trades).</summary>
    public IReadOnlyList<DataFormat>? Required { get; init; }

    /// <summary>Formats taken when present (default: the exchange's book data), reported when absent.</summary>
    public IReadOnlyList<DataFormat>? Optional { get; init; }

    /// <summary>The required formats, defaults applied.</summary>
    public IReadOnlyList<DataFormat> RequiredFormats => Required ?? (Exchange == ExchangeName.Bybit ? [DataFormat.BybitTrades] : [DataFormat.BinanceAggTrades]);

    /// <summary>The optional formats, defaults applied.</summary>
    public IReadOnlyList<DataFormat> OptionalFormats => Optional ?? (Exchange == ExchangeName.Bybit ? [DataFormat.BybitOrderBook] : [DataFormat.BinanceBookTicker]);

    /// <summary>The requested days in order (empty when no range was given).</summary>
    public IReadOnlyList<DateOnly> Days()
    {
        if (From is null && To is null) return [];
        var from = From ?? To!.Value;
        var to = To ?? From!.Value;
        if (to < from) throw new DataAcquisitionException(DataErrorKind.BadRequest, $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    /// <summary>The last <paramref name="count"/> complete UTC days before <paramref name="today"/> (archives publish a day after it ends).</summary>
    public static (DateOnly From, DateOnly To) LastDays(int count, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (today.AddDays(-count), today.AddDays(-1));
    }
}
