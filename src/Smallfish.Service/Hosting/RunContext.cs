using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;
using Smallfish.Service.Symbols;

namespace Smallfish.Service.Hosting;

/// <summary>Everything the service decided before the host starts: configuration, mode, directories, symbols.</summary>
public sealed class RunContext
{
    /// <summary>Creates the context; without <paramref name="selection"/> the configured symbols and fallback grids are used.</summary>
    public RunContext(SmallfishOptions options, RunMode mode, string configDirectory, SecretScrubber scrubber, IReadOnlyDictionary<string, string?> environment,
        SymbolSelection? selection = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Mode = mode;
        ConfigDirectory = configDirectory ?? throw new ArgumentNullException(nameof(configDirectory));
        Scrubber = scrubber ?? throw new ArgumentNullException(nameof(scrubber));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        DataDirectory = options.Journal.DataDirectory;
        Version = typeof(RunContext).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        Selection = selection ?? SymbolSelection.FromConfiguration(options);
        Symbols = Selection.Symbols;
        Instruments = Selection.Instruments;
        foreach (InstrumentSpec spec in Instruments)
        {
            int id = IndexOf(Symbols, spec.Symbol);
            if (id >= 0) Catalog.Add(spec, id);
        }
    }

    /// <summary>The validated configuration.</summary>
    public SmallfishOptions Options { get; }

    /// <summary>Paper, testnet, live or offline.</summary>
    public RunMode Mode { get; }

    /// <summary>Absolute directory of the appsettings files.</summary>
    public string ConfigDirectory { get; }

    /// <summary>Absolute data directory (journal, logs, optional secrets files).</summary>
    public string DataDirectory { get; }

    /// <summary>Masks known secret values in anything logged.</summary>
    public SecretScrubber Scrubber { get; }

    /// <summary>The process environment the service started with.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The service's version (major.minor.patch).</summary>
    public string Version { get; }

    /// <summary>The symbol table: index = symbol id carried by market events.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>How the symbols and grids were chosen at start (exchange or fallback grids, auto ranking, kept symbols).</summary>
    public SymbolSelection Selection { get; }

    /// <summary>Instrument grids of the symbols: from the exchange at start, or the <c>Smallfish:Instruments</c> fallbacks.</summary>
    public IReadOnlyList<InstrumentSpec> Instruments { get; }

    /// <summary>The same grids by symbol, with the symbol table's ids (what the parsers and gateways look up).</summary>
    public Smallfish.Exchanges.Abstractions.InstrumentCatalog Catalog { get; } = new();

    /// <summary>The exchange named in configuration, in lower case.</summary>
    public string ExchangeName => Options.Exchange.Name.ToString().ToLowerInvariant();

    /// <summary>One line for logs and systemd's STATUS: mode, exchange, profile and symbols.</summary>
    public string Describe() =>
        $"{Mode.ToString().ToLowerInvariant()} on {ExchangeName}{NetworkSuffix()}, profile {Options.Mode.ToString().ToLowerInvariant()}, symbols {string.Join(' ', Symbols)}";

    private static int IndexOf(IReadOnlyList<string> symbols, string symbol)
    {
        for (int i = 0; i < symbols.Count; i++)
        {
            if (string.Equals(symbols[i], symbol, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }

    private string NetworkSuffix() => Mode switch
    {
        RunMode.Live => " MAINNET",
        RunMode.Testnet => " testnet",
        RunMode.Paper => " public market data",
        _ => "",
    };
}
