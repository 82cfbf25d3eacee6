using Smallfish.Wire.Text;

namespace Smallfish.Simulation.Replay.Readers;

/// <summary>Splits the recorder prefixes that precede the JSON payload on a line.</summary>
internal static class LinePrefix
{
    /// <summary><c>&lt;integer ns&gt; &lt;json&gt;</c> (hftbacktest).</summary>
    public static bool TrySplitNs(ReadOnlySpan<byte> line, out long ns, out ReadOnlySpan<byte> json)
    {
        json = default;
        ns = 0;
        int sp = line.IndexOf((byte)' ');
        if (sp <= 0 || !WireNumbers.TryParseInt64(line[..sp], out ns)) return false;
        json = line[(sp + 1)..];
        return true;
    }

    /// <summary><c>&lt;decimal seconds&gt;: &lt;json&gt;</c> (cryptofeed raw recordings).</summary>
    public static bool TrySplitSeconds(ReadOnlySpan<byte> line, out long ns, out ReadOnlySpan<byte> json)
    {
        json = default;
        ns = 0;
        int colon = line.IndexOf(": "u8);
        if (colon <= 0 || !WireNumbers.TryParseSecondsToNs(line[..colon], out ns)) return false;
        json = line[(colon + 2)..];
        return true;
    }
}
