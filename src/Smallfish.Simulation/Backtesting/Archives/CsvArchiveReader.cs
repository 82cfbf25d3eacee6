using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Base of the line-per-row archive readers: opens the file through <see cref="ArchiveFile"/> (gzip, zip or plain,
/// integrity-checked), skips a header row (a first line not starting with a digit) and blank lines, and hands each
/// row to <see cref="ParseRow"/>; a row it rejects stops the read with an <see cref="ArchiveDataException"/> naming
/// the file and line.
/// </summary>
public abstract class CsvArchiveReader : IArchiveReader
{
    private readonly ArchiveLineReader _lines;

    /// <summary>Opens <paramref name="path"/> for <paramref name="instrument"/>.</summary>
    protected CsvArchiveReader(string path, ArchiveInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
        _lines = new ArchiveLineReader(ArchiveFile.OpenContent(path), path);
    }

    /// <summary>The symbol the file belongs to.</summary>
    protected ArchiveInstrument Instrument { get; }

    /// <summary>The file being read.</summary>
    public string Path => _lines.Path;

    /// <inheritdoc />
    public ArchiveReadCounters Counters { get; } = new();

    /// <summary>The header row's cells, when the file has one (read before the first data row).</summary>
    protected IReadOnlyList<string>? Header { get; private set; }

    /// <inheritdoc />
    public virtual bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_lines.MoveNext()) return false;
        Counters.Lines++;
        var line = _lines.Current;
        if (line.IsEmpty)
        {
            Counters.IgnoredLines++;
            return true;
        }
        if (_lines.LineNumber == 1 && ArchiveText.IsHeader(line))
        {
            Counters.IgnoredLines++;
            Header = System.Text.Encoding.ASCII.GetString(line).Split(',');
            OnHeader(Header);
            return true;
        }
        string? error = ParseRow(line, sink);
        if (error is not null) throw Error(error);
        return true;
    }

    /// <summary>Reads to the end, pushing every event; returns the number of events.</summary>
    public long ReadAll(IMarketEventSink sink)
    {
        while (ReadNext(sink))
        {
        }
        return Counters.Events;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lines.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called with the header row's cells; the default accepts any header.</summary>
    protected virtual void OnHeader(IReadOnlyList<string> header)
    {
    }

    /// <summary>Parses one data row and pushes its events (calling <see cref="Pushed"/> for each); returns an error text or null.</summary>
    protected abstract string? ParseRow(ReadOnlySpan<byte> line, IMarketEventSink sink);

    /// <summary>Counts an event pushed at <paramref name="tsNs"/>.</summary>
    protected void Pushed(long tsNs) => Counters.Pushed(tsNs);

    /// <summary>An error about the current line.</summary>
    protected ArchiveDataException Error(string reason) => new(_lines.Path, _lines.LineNumber, reason);

    /// <summary>Reads the next raw line for readers that buffer (false at the end); header handling as in <see cref="ReadNext"/>.</summary>
    protected bool NextDataLine(out ReadOnlySpan<byte> line)
    {
        while (_lines.MoveNext())
        {
            Counters.Lines++;
            line = _lines.Current;
            if (line.IsEmpty)
            {
                Counters.IgnoredLines++;
                continue;
            }
            if (_lines.LineNumber == 1 && ArchiveText.IsHeader(line))
            {
                Counters.IgnoredLines++;
                Header = System.Text.Encoding.ASCII.GetString(line).Split(',');
                OnHeader(Header);
                continue;
            }
            return true;
        }
        line = default;
        return false;
    }
}
