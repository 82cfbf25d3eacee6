using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>One sample line of a Prometheus text exposition.</summary>
internal sealed record PromSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict little parser of the Prometheus text format 0.0.4, written from the format's description, used to read
/// scrapes back: HELP/TYPE comments, samples with escaped label values, float values including NaN and ±Inf. It
/// throws on anything malformed, so a test that parses a scrape also checks its syntax.
/// </summary>
internal sealed partial class PrometheusText
{
    public Dictionary<string, string> Help { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    public List<PromSample> Samples { get; } = [];

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    public static PrometheusText Parse(string text)
    {
        var result = new PrometheusText();
        if (text.Length > 0 && !text.EndsWith('\n')) throw new FormatException("the exposition must end with a line feed");
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                string rest = line[7..];
                int sp = rest.IndexOf(' ', StringComparison.Ordinal);
                string name = sp < 0 ? rest : rest[..sp];
                Require(MetricName().IsMatch(name), "bad metric name in HELP: " + name);
                if (!result.Help.TryAdd(name, sp < 0 ? "" : UnescapeHelp(rest[(sp + 1)..]))) throw new FormatException("second HELP for " + name);
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                string[] parts = line[7..].Split(' ');
                Require(parts.Length == 2 && MetricName().IsMatch(parts[0]), "bad TYPE line: " + line);
                Require(parts[1] is "counter" or "gauge" or "histogram" or "summary" or "untyped", "bad type: " + parts[1]);
                Require(!result.Samples.Any(s => Family(s.Name, parts[1]) == parts[0]), "TYPE after samples of " + parts[0]);
                if (!result.Types.TryAdd(parts[0], parts[1])) throw new FormatException("second TYPE for " + parts[0]);
            }
            else if (line.StartsWith('#'))
            {
                continue;
            }
            else
            {
                result.Samples.Add(ParseSample(line));
            }
        }
        return result;
    }

    /// <summary>The value of the one sample named <paramref name="name"/> with exactly <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var matches = Samples.Where(s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Key, out string? v) && v == l.Value)).ToList();
        if (matches.Count != 1) throw new InvalidOperationException($"{matches.Count} samples match {name} {string.Join(",", labels)}");
        return matches[0].Value;
    }

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    private static string Family(string sampleName, string type)
    {
        if (type == "histogram")
        {
            foreach (string suffix in new[] { "_bucket", "_sum", "_count" })
            {
                if (sampleName.EndsWith(suffix, StringComparison.Ordinal)) return sampleName[..^suffix.Length];
            }
        }
        return sampleName;
    }

    private static PromSample ParseSample(string line)
    {
        int i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ') i++;
        string name = line[..i];
        Require(MetricName().IsMatch(name), "bad sample name: " + line);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                int eq = line.IndexOf('=', i);
                string key = line[i..eq];
                Require(LabelName().IsMatch(key) && !key.StartsWith("__", StringComparison.Ordinal), "bad label name: " + key);
                Require(line[eq + 1] == '"', "label value must be quoted: " + line);
                var value = new StringBuilder();
                int j = eq + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException("bad escape in " + line),
                        });
                    }
                    else
                    {
                        value.Append(line[j]);
                    }
                }
                if (!labels.TryAdd(key, value.ToString())) throw new FormatException("duplicate label " + key);
                i = j + 1;
                if (line[i] == ',') i++;
            }
            i++;
        }
        Require(i < line.Length && line[i] == ' ', "missing space before value: " + line);
        string[] rest = line[(i + 1)..].Split(' ');
        Require(rest.Length is 1 or 2, "bad sample: " + line);
        double v = rest[0] switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PromSample(name, labels, v);
    }

    private static string UnescapeHelp(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                sb.Append(text[i] switch { '\\' => '\\', 'n' => '\n', _ => throw new FormatException("bad HELP escape") });
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new FormatException(message);
    }
}
