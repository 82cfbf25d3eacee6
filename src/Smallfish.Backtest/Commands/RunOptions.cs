using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// The options of <c>smallfish-backtest</c> runs (--symbol, --symbols, --days, --from/--to, --mode, --equity,
/// --exchange, --sweep, --auto N, --chart, --data, --out, --multigrid, --cache), their validation (one line per
/// problem, as parse errors) and their binding to <see cref="RunSettings"/>. Add them to a command with
/// <see cref="AddTo"/>, read them with <see cref="Bind"/>.
/// </summary>
public sealed class RunOptions
{
    /// <summary>--symbol.</summary>
    public Option<string?> Symbol { get; } = new("--symbol") { Description = "One symbol, e.g. BTCUSDT" };

    /// <summary>--symbols.</summary>
    public Option<string[]> Symbols { get; } = new("--symbols")
    {
        Description = "Several symbols, e.g. --symbols BTCUSDT ETHUSDT",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    /// <summary>--days.</summary>
    public Option<int> Days { get; } = new("--days") { Description = "The last N complete UTC days" };

    /// <summary>--from.</summary>
    public Option<string?> From { get; } = new("--from") { Description = "First UTC day, yyyy-MM-dd" };

    /// <summary>--to.</summary>
    public Option<string?> To { get; } = new("--to") { Description = "Last UTC day, yyyy-MM-dd (default: --from)" };

    /// <summary>--mode.</summary>
    public Option<TradingMode> Mode { get; } = new("--mode")
    {
        Description = "Risk profile: conservative, balanced, aggressive or ultra",
        DefaultValueFactory = _ => TradingMode.Balanced,
    };

    /// <summary>--sweep.</summary>
    public Option<bool> Sweep { get; } = new("--sweep") { Description = "Run all four profiles and report them side by side" };

    /// <summary>--equity.</summary>
    public Option<decimal?> Equity { get; } = new("--equity") { Description = "Starting equity in quote currency" };

    /// <summary>--exchange.</summary>
    public Option<ExchangeName> Exchange { get; } = new("--exchange")
    {
        Description = "bybit or binance",
        DefaultValueFactory = _ => ExchangeName.Bybit,
    };

    /// <summary>--auto.</summary>
    public Option<int> Auto { get; } = new("--auto") { Description = "Let the scanner pick the N symbols with the most turnover and volatility in the data" };

    /// <summary>--chart.</summary>
    public Option<bool> Chart { get; } = new("--chart") { Description = "Draw terminal charts: trade P&L, equity curve, signal weights" };

    /// <summary>--multigrid.</summary>
    public Option<bool> Multigrid { get; } = new("--multigrid") { Description = "Run the multigrid strategy alongside the scalper" };

    /// <summary>--data.</summary>
    public Option<string?> Data { get; } = new("--data") { Description = "Folder of local data files (no download)" };

    /// <summary>--out.</summary>
    public Option<string?> Out { get; } = new("--out") { Description = "Write summary.json, trades.csv and equity.csv to this folder" };

    /// <summary>--cache.</summary>
    public Option<string?> Cache { get; } = new("--cache") { Description = "Download cache (default $XDG_CACHE_HOME/smallfish or ~/.cache/smallfish)" };

    /// <summary>Adds every option and the cross-option rules to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Symbol, Symbols, Days, From, To, Mode, Sweep, Equity, Exchange, Auto, Chart, Multigrid, Data, Out, Cache })
            command.Options.Add(option);
        command.Validators.Add(Validate);
    }

    /// <summary>Reads the settings from a parse result that passed validation.</summary>
    public RunSettings Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var symbols = new List<string>();
        string? one = parse.GetValue(Symbol);
        foreach (string s in (one is null ? Array.Empty<string>() : [one]).Concat(parse.GetValue(Symbols) ?? []))
        {
            string upper = s.Trim().ToUpperInvariant();
            if (upper.Length > 0 && !symbols.Contains(upper)) symbols.Add(upper);
        }
        return new RunSettings
        {
            Symbols = symbols,
            Auto = parse.GetValue(Auto),
            Days = parse.GetValue(Days),
            From = ParseDay(parse.GetValue(From)),
            To = ParseDay(parse.GetValue(To)),
            Modes = parse.GetValue(Sweep)
                ? [TradingMode.Conservative, TradingMode.Balanced, TradingMode.Aggressive, TradingMode.Ultra]
                : [parse.GetValue(Mode)],
            Equity = parse.GetValue(Equity),
            Exchange = parse.GetValue(Exchange),
            Chart = parse.GetValue(Chart),
            Multigrid = parse.GetValue(Multigrid),
            DataDirectory = parse.GetValue(Data),
            OutDirectory = parse.GetValue(Out),
            CacheDirectory = parse.GetValue(Cache),
        };
    }

    private void Validate(CommandResult result)
    {
        bool hasSymbols = result.GetValue(Symbol) is not null || (result.GetValue(Symbols)?.Length ?? 0) > 0;
        int auto = result.GetValue(Auto);
        int days = result.GetValue(Days);
        string? from = result.GetValue(From), to = result.GetValue(To);
        if (!hasSymbols && auto == 0) result.AddError("name the symbols: --symbol, --symbols or --auto N");
        if (auto < 0) result.AddError("--auto must be a positive number of symbols");
        if (days < 0) result.AddError("--days must be positive");
        if (days > 0 && (from is not null || to is not null)) result.AddError("use either --days or --from/--to, not both");
        if (from is not null && ParseDay(from) is null) result.AddError($"--from {from} is not a day in the form yyyy-MM-dd");
        if (to is not null && ParseDay(to) is null) result.AddError($"--to {to} is not a day in the form yyyy-MM-dd");
        if (ParseDay(from) is { } f && ParseDay(to) is { } t && t < f) result.AddError($"--to {to} is before --from {from}");
        if (result.GetValue(Data) is null && days == 0 && from is null && to is null)
            result.AddError("without --data, give the days to download: --days N or --from/--to");
        if (result.GetValue(Data) is { } dir && !Directory.Exists(dir)) result.AddError($"--data {dir} does not exist");
        if (result.GetValue(Equity) is { } eq && eq <= 0) result.AddError("--equity must be positive");
        if (result.GetValue(Sweep) && result.GetResult(Mode) is { Implicit: false }) result.AddError("--sweep runs every profile: drop --mode");
    }

    private static DateOnly? ParseDay(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
