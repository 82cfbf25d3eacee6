using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;

namespace Smallfish.Service.Hosting;

/// <summary>Everything the service decided before the host starts: configuration, mode, directories, symbols.</summary>
public sealed class RunContext
{
    /// <summary>Creates the context.</summary>
    public RunContext(SmallfishOptions options, RunMode mode, string configDirectory, SecretScrubber scrubber, IReadOnlyDictionary<string, string?> environment)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Mode = mode;
        ConfigDirectory = configDirectory ?? throw new ArgumentNullException(nameof(configDirectory));
        Scrubber = scrubber ?? throw new ArgumentNullException(nameof(scrubber));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        DataDirectory = options.Journal.DataDirectory;
        Version = typeof(RunContext).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var symbols = new List<string>();
        var instruments = new List<InstrumentSpec>();
        foreach (string configured in options.Symbols)
        {
            string symbol = configured.ToUpperInvariant();
            if (symbols.Contains(symbol, StringComparer.Ordinal)) continue;
            symbols.Add(symbol);
            if (options.Instruments.TryGetValue(symbol, out InstrumentOptions? instrument))
            {
                InstrumentSpec spec = instrument.ToSpec(symbol);
                instruments.Add(spec);
                Catalog.Add(spec, symbols.Count - 1);
            }
        }

        Symbols = symbols;
        Instruments = instruments;
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

    /// <summary>Instrument grids of the symbols that have one in <c>Smallfish:Instruments</c>.</summary>
    public IReadOnlyList<InstrumentSpec> Instruments { get; }

    /// <summary>The same grids by symbol, with the symbol table's ids (what the parsers and gateways look up).</summary>
    public Smallfish.Exchanges.Abstractions.InstrumentCatalog Catalog { get; } = new();

    /// <summary>The exchange named in configuration, in lower case.</summary>
    public string ExchangeName => Options.Exchange.Name.ToString().ToLowerInvariant();

    /// <summary>One line for logs and systemd's STATUS: mode, exchange, profile and symbols.</summary>
    public string Describe() =>
        $"{Mode.ToString().ToLowerInvariant()} on {ExchangeName}{NetworkSuffix()}, profile {Options.Mode.ToString().ToLowerInvariant()}, symbols {string.Join(' ', Symbols)}";

    private string NetworkSuffix() => Mode switch
    {
        RunMode.Live => " MAINNET",
        RunMode.Testnet => " testnet",
        RunMode.Paper => " public market data",
        _ => "",
    };
}
