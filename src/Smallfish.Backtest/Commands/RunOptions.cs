using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// The options of <c>smallfish-backtest</c> runs (--symbol, --symbols, --days, --from/--to, --mode, --equity,
/// --exchange, --sweep, --auto N, --chart, --data, --out, --multigrid, --cache, --synthetic, --seed, --minutes,
/// --on-bad-line), their validation (one line per
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
    public Option<bool> Multigrid { get; } = new("--multigrid") { Description = "Run the multigrid strategy (Smallfish:Multigrid:Enabled): the grid trades the grid symbols, the fusion biases its center" };

    /// <summary>--data.</summary>
    public Option<string?> Data { get; } = new("--data") { Description = "Folder of local data files (no download)" };

    /// <summary>--out.</summary>
    public Option<string?> Out { get; } = new("--out") { Description = "Write summary.json, trades.csv and equity.csv to this folder" };

    /// <summary>--cache.</summary>
    public Option<string?> Cache { get; } = new("--cache") { Description = "Cache folder for downloads and converted event streams (default $XDG_CACHE_HOME/smallfish or ~/.cache/smallfish)" };

    /// <summary>--synthetic.</summary>
    public Option<bool> Synthetic { get; } = new("--synthetic")
    {
        Description = "Replay the seeded synthetic market generator instead of recorded data (no data, no network; every report is marked SYNTHETIC)",
    };

    /// <summary>--seed.</summary>
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of the synthetic market (with --synthetic)", DefaultValueFactory = _ => 1 };

    /// <summary>--minutes.</summary>
    public Option<int> Minutes { get; } = new("--minutes") { Description = "Length of the synthetic market in minutes (with --synthetic)", DefaultValueFactory = _ => 30 };

    /// <summary>--on-bad-line.</summary>
    public Option<string> OnBadLine { get; } = new("--on-bad-line")
    {
        Description = "What a malformed line in a data file does: stop (default, the error names file and line) or skip (counted and reported). A corrupt or truncated compressed file always stops",
        DefaultValueFactory = _ => "stop",
    };

    /// <summary>Adds every option and the cross-option rules to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OnBadLine.AcceptOnlyFromAmong("stop", "skip");
        foreach (var option in new Option[] { Symbol, Symbols, Days, From, To, Mode, Sweep, Equity, Exchange, Auto, Chart, Multigrid, Data, Out, Cache, Synthetic, Seed, Minutes, OnBadLine })
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
            Synthetic = parse.GetValue(Synthetic),
            Seed = parse.GetValue(Seed),
            Minutes = parse.GetValue(Minutes),
            SkipBadLines = parse.GetValue(OnBadLine) == "skip",
        };
    }

    private void Validate(CommandResult result)
    {
        if (result.Children.OfType<CommandResult>().Any()) return; // a subcommand runs: these options are not in play
        try
        {
            ValidateValues(result);
        }
        catch (InvalidOperationException)
        {
            // an option that did not parse (e.g. --data given twice) throws when read; the parser reports it as a usage
            // error of its own, so there is nothing more to check
        }
    }

    private void ValidateValues(CommandResult result)
    {
        bool hasSymbols = result.GetValue(Symbol) is not null || (result.GetValue(Symbols)?.Length ?? 0) > 0;
        int auto = result.GetValue(Auto);
        int days = result.GetValue(Days);
        string? from = result.GetValue(From), to = result.GetValue(To);
        bool synthetic = result.GetValue(Synthetic);
        if (!hasSymbols && auto == 0 && !synthetic) result.AddError("name the symbols: --symbol, --symbols or --auto N (or run --synthetic)");
        if (synthetic && (result.GetValue(Data) is not null || days > 0 || from is not null || to is not null))
            result.AddError("--synthetic generates its own market: drop --data, --days and --from/--to");
        if (synthetic && auto > 0) result.AddError("--auto ranks symbols in recorded data: it does not apply to --synthetic");
        if (!synthetic && (result.GetResult(Seed) is { Implicit: false } || result.GetResult(Minutes) is { Implicit: false }))
            result.AddError("--seed and --minutes apply to --synthetic only");
        if (result.GetResult(Minutes) is { Implicit: false } && result.GetValue(Minutes) is < 1 or > 7 * 24 * 60)
            result.AddError("--minutes must be between 1 and 10080 (a week)");
        if (auto < 0) result.AddError("--auto must be a positive number of symbols");
        if (days < 0) result.AddError("--days must be positive");
        if (days > 0 && (from is not null || to is not null)) result.AddError("use either --days or --from/--to, not both");
        if (from is not null && ParseDay(from) is null) result.AddError($"--from {from} is not a day in the form yyyy-MM-dd");
        if (to is not null && ParseDay(to) is null) result.AddError($"--to {to} is not a day in the form yyyy-MM-dd");
        if (ParseDay(from) is { } f && ParseDay(to) is { } t && t < f) result.AddError($"--to {to} is before --from {from}");
        if (result.GetValue(Data) is { } dir && !Directory.Exists(dir)) result.AddError($"--data {dir} does not exist");
        if (result.GetValue(Equity) is { } eq && eq <= 0) result.AddError("--equity must be positive");
        if (result.GetValue(Sweep) && result.GetResult(Mode) is { Implicit: false }) result.AddError("--sweep runs every profile: drop --mode");
    }

    private static DateOnly? ParseDay(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
