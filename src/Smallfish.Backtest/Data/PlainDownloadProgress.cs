using System.Globalization;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Progress as plain lines (for logs and redirected output): one line when a file starts, one at each quarter of a
/// known size, one when it completes. Byte counts only, no timings, so the text is the same on every run.
/// </summary>
public sealed class PlainDownloadProgress : IDownloadProgress
{
    private readonly TextWriter _out;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public PlainDownloadProgress(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _out = output;
    }

    /// <inheritdoc />
    public IDownloadTask Begin(string name, long? totalBytes)
    {
        _out.WriteLine(totalBytes is long t ? $"downloading {name} ({FormatBytes(t)})" : $"downloading {name}");
        return new Task(_out, name, totalBytes);
    }

    /// <summary>Bytes as B / KB / MB with one decimal, invariant.</summary>
    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB",
    };

    private sealed class Task(TextWriter output, string name, long? total) : IDownloadTask
    {
        private long _done;
        private int _quarter;
        private long? _total = total;

        public void SetTotal(long totalBytes) => _total = totalBytes;

        public void Advance(long bytes)
        {
            _done += bytes;
            if (_total is not long t || t <= 0) return;
            int quarter = (int)Math.Min(3, _done * 4 / t);
            while (_quarter < quarter)
            {
                _quarter++;
                output.WriteLine($"  {name} {_quarter * 25}%");
            }
        }

        public void Complete() => output.WriteLine($"  {name} done ({FormatBytes(_done)})");

        public void Dispose()
        {
        }
    }
}
