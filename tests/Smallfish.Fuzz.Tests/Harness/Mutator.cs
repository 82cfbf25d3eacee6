using System.Text;

namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>
/// Makes hostile inputs from real ones: byte flips, truncations, splices of two inputs, duplicated and removed fields,
/// huge and special numbers (exponents, NaN, Infinity, 2^63), wrong JSON types, deep nesting, invalid UTF-8, and
/// plain noise. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1E+5", "1e-400", "NaN", "-NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
        "99999999999999999999999999999999", "-99999999999999999999999999999999", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "-1", "-0", "-0.000", "0", "0.00000000000000000000000001", "\"1e5\"", "\"-5\"", "\"0x10\"", "\"1_000\"",
        "\"  7\"", "\"\"", "79228162514264337593543950336", "\"79228162514264337593543950336\"", "1.7976931348623157e308",
    ];

    private static readonly string[] WrongTypes = ["null", "true", "false", "{}", "[]", "[[]]", "{\"a\":1}", "\"\"", "\"x\"", "0", "[1,2,3]"];

    private const string Structural = "{}[]\",:\\\n ";

    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0x00],
    ];

    /// <summary>One to three mutations of <paramref name="seed"/> (sometimes spliced with <paramref name="other"/>).</summary>
    public static byte[] Mutate(byte[] seed, byte[] other, Random rng)
    {
        var b = new List<byte>(seed);
        int edits = 1 + rng.Next(3);
        for (int e = 0; e < edits; e++) Apply(b, other, rng);
        return b.ToArray();
    }

    /// <summary>Random bytes, or random JSON-ish tokens.</summary>
    public static byte[] Noise(Random rng)
    {
        if (rng.Next(2) == 0)
        {
            var bytes = new byte[rng.Next(0, 512)];
            rng.NextBytes(bytes);
            return bytes;
        }
        const string tokens = "{}[]\":,-.0123456789eEaflnrstu \\";
        var sb = new StringBuilder();
        for (int i = rng.Next(0, 256); i > 0; i--) sb.Append(tokens[rng.Next(tokens.Length)]);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Apply(List<byte> b, byte[] other, Random rng)
    {
        int at = b.Count == 0 ? 0 : rng.Next(b.Count);
        switch (rng.Next(13))
        {
            case 0: // flip one bit
                if (b.Count > 0) b[at] ^= (byte)(1 << rng.Next(8));
                break;
            case 1: // truncate
                if (b.Count > 0) b.RemoveRange(at, b.Count - at);
                break;
            case 2: // splice: our head, the other input's tail
                if (other.Length > 0)
                {
                    int from = rng.Next(other.Length);
                    b.RemoveRange(at, b.Count - at);
                    b.AddRange(other.AsSpan(from).ToArray());
                }
                break;
            case 3: // delete a run
                if (b.Count > 0) b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(24)));
                break;
            case 4: // duplicate a run
                if (b.Count > 0) b.InsertRange(at, b.GetRange(at, Math.Min(b.Count - at, 1 + rng.Next(96))));
                break;
            case 5:
                DuplicateOrRemoveField(b, rng);
                break;
            case 6:
                ReplaceNumber(b, rng, Numbers[rng.Next(Numbers.Length)]);
                break;
            case 7:
                ReplaceValue(b, rng, WrongTypes[rng.Next(WrongTypes.Length)]);
                break;
            case 8: // deep nesting, at a random point or around the whole input
                int depth = rng.Next(2) == 0 ? 70 : 5_000;
                if (rng.Next(2) == 0)
                {
                    b.InsertRange(at, Enumerable.Repeat((byte)'[', depth));
                }
                else
                {
                    b.InsertRange(0, Enumerable.Repeat("{\"a\":"u8.ToArray(), depth).SelectMany(x => x));
                    b.AddRange(Enumerable.Repeat((byte)'}', depth));
                }
                break;
            case 9: // invalid UTF-8, preferably inside a string
                b.InsertRange(Math.Min(b.Count, at), BadUtf8[rng.Next(BadUtf8.Length)]);
                break;
            case 10: // a structural character
                if (b.Count > 0) b[at] = (byte)Structural[rng.Next(Structural.Length)];
                break;
            case 11: // a random byte
                if (b.Count > 0) b[at] = (byte)rng.Next(256);
                break;
            default: // a huge run of digits (a hostile length or count)
                b.InsertRange(at, Enumerable.Repeat((byte)'9', 1 + rng.Next(400)));
                break;
        }
    }

    private static void DuplicateOrRemoveField(List<byte> b, Random rng)
    {
        // A field is approximated as ',"key":value' up to the next ',' or '}' at the same byte level.
        var starts = new List<int>();
        for (int i = 0; i + 1 < b.Count; i++) if (b[i] == (byte)',' && b[i + 1] == (byte)'"') starts.Add(i);
        if (starts.Count == 0) return;
        int s = starts[rng.Next(starts.Count)];
        int end = s + 1;
        while (end < b.Count && b[end] != (byte)',' && b[end] != (byte)'}') end++;
        var field = b.GetRange(s, end - s);
        if (rng.Next(2) == 0) b.InsertRange(end, field);
        else b.RemoveRange(s, end - s);
    }

    private static void ReplaceNumber(List<byte> b, Random rng, string replacement)
    {
        var digits = new List<int>();
        for (int i = 0; i < b.Count; i++) if (IsDigit(b[i]) && (i == 0 || !IsDigit(b[i - 1]))) digits.Add(i);
        if (digits.Count == 0) return;
        int s = digits[rng.Next(digits.Count)];
        int e = s;
        while (e < b.Count && (IsDigit(b[e]) || b[e] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-')) e++;
        bool quoted = s > 0 && b[s - 1] == (byte)'"' && e < b.Count && b[e] == (byte)'"';
        string text = quoted && replacement.StartsWith('"') ? replacement[1..^1] : replacement;
        b.RemoveRange(s, e - s);
        b.InsertRange(s, Encoding.UTF8.GetBytes(text));
    }

    private static void ReplaceValue(List<byte> b, Random rng, string replacement)
    {
        // After a ':' the value runs to the next ',' '}' or ']' (good enough for scalars; objects get cut, which is also hostile).
        var colons = new List<int>();
        for (int i = 0; i < b.Count; i++) if (b[i] == (byte)':') colons.Add(i);
        if (colons.Count == 0) return;
        int s = colons[rng.Next(colons.Count)] + 1;
        int e = s;
        bool inString = false;
        while (e < b.Count)
        {
            byte c = b[e];
            if (c == (byte)'"') inString = !inString;
            else if (!inString && c is (byte)',' or (byte)'}' or (byte)']') break;
            e++;
        }
        b.RemoveRange(s, e - s);
        b.InsertRange(s, Encoding.UTF8.GetBytes(replacement));
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
