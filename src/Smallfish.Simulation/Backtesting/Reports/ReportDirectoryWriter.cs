using System.Text;
using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// Writes the <c>--out DIR</c> files: <c>summary.json</c>, <c>trades.csv</c>, <c>equity.csv</c> and, when a signal
/// study was run, <c>signals.json</c>. Each file is written to a temporary name beside it and renamed into place, so a
/// reader never sees half a file. Same inputs, same bytes.
/// </summary>
public static class ReportDirectoryWriter
{
    /// <summary>summary.json.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>trades.csv.</summary>
    public const string TradesFile = "trades.csv";

    /// <summary>equity.csv.</summary>
    public const string EquityFile = "equity.csv";

    /// <summary>signals.json.</summary>
    public const string SignalsFile = "signals.json";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the run files (and signals.json when <paramref name="signals"/> is given); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<SymbolProfileReport> runs, SignalResearchResult? signals = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(directory);
        var written = new List<string>
        {
            WriteAtomic(directory, SummaryFile, s => SummaryJsonWriter.Write(s, runs)),
            WriteAtomic(directory, TradesFile, s => WriteText(s, w => TradesCsvWriter.Write(w, runs))),
            WriteAtomic(directory, EquityFile, s => WriteText(s, w => EquityCsvWriter.Write(w, runs))),
        };
        if (signals is not null) written.Add(WriteSignals(directory, signals));
        return written;
    }

    /// <summary>Writes only signals.json (for <c>smallfish-backtest signals --out DIR</c>); returns its path.</summary>
    public static string WriteSignals(string directory, SignalResearchResult signals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(signals);
        Directory.CreateDirectory(directory);
        return WriteAtomic(directory, SignalsFile, s => SignalsJsonWriter.Write(s, signals));
    }

    private static void WriteText(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    }

    private static string WriteAtomic(string directory, string name, Action<Stream> write)
    {
        string path = Path.Combine(directory, name);
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
