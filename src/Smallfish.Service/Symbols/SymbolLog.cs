using Microsoft.Extensions.Logging;

namespace Smallfish.Service.Symbols;

/// <summary>Messages of the symbol selection at start and of the scheduled re-scan.</summary>
internal static partial class SymbolLog
{
    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "symbols {Symbols} ({How}); instrument grids from {Source}")]
    public static partial void Chosen(ILogger logger, string symbols, string how, string source);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "grid {Symbol}: tick {TickSize}, qty step {QtyStep}, min qty {MinQty}, min notional {MinNotional}")]
    public static partial void Grid(ILogger logger, string symbol, decimal tickSize, decimal qtyStep, decimal minQty, decimal minNotional);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "AutoSymbols ranking (24h turnover and range): {Ranking}")]
    public static partial void Ranking(ILogger logger, string ranking);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "kept {Symbols}: open position or working orders, whatever the scanner says")]
    public static partial void Kept(ILogger logger, string symbols);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void StartWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 606, Level = LogLevel.Information, Message = "AutoSymbols re-scan every {Minutes} min; a new ranking is reported and takes effect at the next restart")]
    public static partial void RescanScheduled(ILogger logger, int minutes);

    [LoggerMessage(EventId = 607, Level = LogLevel.Information, Message = "AutoSymbols re-scan: top {Count} unchanged ({Symbols})")]
    public static partial void RescanUnchanged(ILogger logger, int count, string symbols);

    [LoggerMessage(EventId = 608, Level = LogLevel.Warning, Message = "AutoSymbols re-scan: top {Count} is now {Symbols} (running {Running}; adds {Added}, drops {Dropped}); applies at the next restart. Ranking: {Ranking}")]
    public static partial void RescanChanged(ILogger logger, int count, string symbols, string running, string added, string dropped, string ranking);

    [LoggerMessage(EventId = 609, Level = LogLevel.Warning, Message = "AutoSymbols re-scan failed: {Reason}; the running symbols stay")]
    public static partial void RescanFailed(ILogger logger, string reason);
}
