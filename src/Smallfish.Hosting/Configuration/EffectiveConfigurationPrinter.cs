using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Renders effective options as sorted <c>key = value</c> lines (invariant culture, secrets through
/// <see cref="SecretsOptions.Redact"/>). Per-symbol entries show only what differs from the base sections; a list
/// that differs is shown whole.
/// </summary>
public static class EffectiveConfigurationPrinter
{
    /// <summary>The lines of <paramref name="options"/>, sorted by key.</summary>
    public static IReadOnlyList<string> GetLines(SmallfishOptions options) => GetLines(options, SecretScrubber.From(options.Secrets));

    internal static IReadOnlyList<string> GetLines(SmallfishOptions options, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string root = SmallfishOptions.SectionName;
        List<OptionsFlattener.Entry> entries = OptionsFlattener.Flatten(options, root, skipProperty: nameof(SmallfishOptions.PerSymbol));
        var baseScope = new SymbolScopedOptions
        {
            Signals = options.Signals, Fusion = options.Fusion, Risk = options.Risk, Gates = options.Gates, Routing = options.Routing,
        };
        List<OptionsFlattener.Entry> baseEntries = OptionsFlattener.Flatten(baseScope, "");
        if (options.PerSymbol.Count == 0) entries.Add(new OptionsFlattener.Entry(root + ":PerSymbol", OptionsFlattener.EmptyText, null));
        foreach ((string symbol, SymbolScopedOptions scope) in options.PerSymbol)
        {
            entries.AddRange(Difference(baseEntries, OptionsFlattener.Flatten(scope, ""), $"{root}:PerSymbol:{symbol}"));
        }

        var lines = new List<string>(entries.Count);
        entries.Sort((a, b) => ConfigurationKeyComparer.Instance.Compare(a.Key, b.Key));
        foreach (OptionsFlattener.Entry entry in entries) lines.Add(scrubber.Scrub(entry.Key + " = " + entry.Value));
        return lines;
    }

    private static IEnumerable<OptionsFlattener.Entry> Difference(List<OptionsFlattener.Entry> baseEntries, List<OptionsFlattener.Entry> own, string prefix)
    {
        var baseValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var baseLists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (OptionsFlattener.Entry entry in baseEntries)
        {
            baseValues[entry.Key] = entry.Value;
            if (entry.ListRoot is { } rootKey) ListOf(baseLists, rootKey).Add(entry.Key + "=" + entry.Value);
        }

        var ownLists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (OptionsFlattener.Entry entry in own)
        {
            if (entry.ListRoot is { } rootKey) ListOf(ownLists, rootKey).Add(entry.Key + "=" + entry.Value);
        }

        foreach (OptionsFlattener.Entry entry in own)
        {
            bool differs = entry.ListRoot is { } listRoot
                ? !baseLists.TryGetValue(listRoot, out List<string>? baseList) || !baseList.SequenceEqual(ownLists[listRoot])
                : !baseValues.TryGetValue(entry.Key, out string? baseValue) || baseValue != entry.Value;
            if (differs) yield return entry with { Key = prefix + entry.Key };
        }
    }

    private static List<string> ListOf(Dictionary<string, List<string>> lists, string key)
    {
        if (!lists.TryGetValue(key, out List<string>? list)) lists[key] = list = [];
        return list;
    }
}
