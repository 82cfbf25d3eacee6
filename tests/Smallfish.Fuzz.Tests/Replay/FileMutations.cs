using System.IO.Compression;
using System.Text;
using Smallfish.Fuzz.Tests.Harness;

namespace Smallfish.Fuzz.Tests.Replay;

/// <summary>Hostile line files made from real ones: mutated lines, dropped or repeated lines, cut files, corrupt gzip.</summary>
internal static class FileMutations
{
    /// <summary>The first <paramref name="lines"/> lines of a real file as one UTF-8 text with '\n' endings.</summary>
    public static byte[] Head(string relative, int lines) => Encoding.UTF8.GetBytes(string.Join('\n', SharedFolder.Lines(relative, lines)) + "\n");

    /// <summary>A hostile version of <paramref name="text"/>: plain or gzip, with mutated lines or mutated bytes.</summary>
    public static byte[] Generate(Random rng, IReadOnlyList<byte[]> corpus)
    {
        byte[] text = corpus[rng.Next(corpus.Count)];
        var lines = Split(text);
        switch (rng.Next(4))
        {
            case 0: // mutate a few lines in place
                for (int k = 1 + rng.Next(3); k > 0 && lines.Count > 0; k--)
                {
                    int i = rng.Next(lines.Count);
                    lines[i] = Mutator.Mutate(lines[i], lines[rng.Next(lines.Count)], rng);
                }
                break;
            case 1: // drop, repeat or swap lines
                if (lines.Count > 2)
                {
                    int i = rng.Next(lines.Count - 1);
                    if (rng.Next(3) == 0) lines.RemoveAt(i);
                    else if (rng.Next(2) == 0) lines.Insert(i, lines[i + 1]);
                    else (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]);
                }
                break;
            case 2: // one mutated line, then the rest (the error must name the right line)
                if (lines.Count > 0)
                {
                    int i = rng.Next(lines.Count);
                    lines[i] = Mutator.Noise(rng).Where(b => b != (byte)'\n').ToArray();
                }
                break;
            default:
                return MaybeGzip(Mutator.Mutate(text, corpus[rng.Next(corpus.Count)], rng), rng, corruptAfter: false);
        }
        return MaybeGzip(Join(lines), rng, corruptAfter: rng.Next(3) == 0);
    }

    private static byte[] MaybeGzip(byte[] text, Random rng, bool corruptAfter)
    {
        if (rng.Next(2) == 0) return text;
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(text);
        var bytes = ms.ToArray();
        if (corruptAfter && bytes.Length > 20)
        {
            switch (rng.Next(3))
            {
                case 0: return bytes[..rng.Next(2, bytes.Length)];                   // cut
                case 1: bytes[rng.Next(10, bytes.Length)] ^= (byte)(1 << rng.Next(8)); break; // flip a bit in the deflate data or trailer
                default: bytes[^(1 + rng.Next(8))] ^= 0xFF; break;                     // wrong trailer
            }
        }
        return bytes;
    }

    private static List<byte[]> Split(byte[] text)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != (byte)'\n') continue;
            lines.Add(text[start..i]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static byte[] Join(List<byte[]> lines)
    {
        using var ms = new MemoryStream();
        foreach (var l in lines)
        {
            ms.Write(l);
            ms.WriteByte((byte)'\n');
        }
        return ms.ToArray();
    }
}
