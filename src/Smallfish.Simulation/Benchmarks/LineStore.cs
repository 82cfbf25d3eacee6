using Smallfish.Simulation.Replay;
using Smallfish.Simulation.Replay.Io;
using Smallfish.Simulation.Replay.Readers;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>Recorded <c>&lt;local_ns&gt; &lt;json&gt;</c> lines held in memory (one arena) so parsing can be timed without I/O.</summary>
internal sealed class LineStore
{
    private byte[] _bytes = new byte[1 << 20];
    private readonly List<(int Start, int Length, long LocalNs)> _lines = new();
    private int _used;

    public int Count => _lines.Count;

    public long Bytes => _used;

    public ReadOnlySpan<byte> Json(int i) => _bytes.AsSpan(_lines[i].Start, _lines[i].Length);

    public long LocalNs(int i) => _lines[i].LocalNs;

    /// <summary>Appends the JSON of every line of <paramref name="files"/> (hftbacktest layout).</summary>
    public void AddHftBacktestFiles(IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            using var lines = new LineReader(file);
            while (lines.MoveNext())
            {
                if (!LinePrefix.TrySplitNs(lines.Current, out long ns, out var json))
                    throw new ReplayFormatException(file, lines.LineNumber, "line does not start with '<local_ns> '");
                if (_used + json.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + json.Length));
                json.CopyTo(_bytes.AsSpan(_used));
                _lines.Add((_used, json.Length, ns));
                _used += json.Length;
            }
        }
    }
}
