using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Walks the configuration keys under a section against an options type before binding: every key must name a
/// bindable property (dictionaries take free keys, lists take indexes 0, 1, ...), and every value must convert to
/// its property's type. A typo is an error, never silently ignored. Keys that fail are collected so that binding
/// can skip them and the remaining rules can still be checked in the same run.
/// </summary>
internal sealed class ConfigurationKeyChecker
{
    private static readonly string[] s_secretWords = ["secret", "key", "token", "password", "passwd", "pwd", "credential"];

    private readonly List<ConfigurationError> _errors;
    private readonly HashSet<string> _badPaths = new(StringComparer.OrdinalIgnoreCase);

    private ConfigurationKeyChecker(List<ConfigurationError> errors)
    {
        _errors = errors;
    }

    /// <summary>
    /// Checks <paramref name="section"/> against <paramref name="type"/>, appends problems to
    /// <paramref name="errors"/> and returns the paths (and their subtrees) that must not be bound.
    /// </summary>
    public static IReadOnlySet<string> Check(IConfigurationSection section, Type type, List<ConfigurationError> errors)
    {
        var checker = new ConfigurationKeyChecker(errors);
        checker.CheckObject(section, section.Key, type, secret: false);
        return checker._badPaths;
    }

    /// <summary>True when <paramref name="path"/> equals one of <paramref name="badPaths"/> or lies below one.</summary>
    public static bool IsExcluded(string path, IReadOnlySet<string> badPaths)
    {
        if (badPaths.Count == 0) return false;
        if (badPaths.Contains(path)) return true;
        for (int i = path.LastIndexOf(':'); i > 0; i = path.LastIndexOf(':', i - 1))
        {
            if (badPaths.Contains(path[..i])) return true;
        }

        return false;
    }

    // `display` is the key path as the options spell it (Smallfish:Risk:Leverage), whatever casing the source used
    // (an environment variable gives SMALLFISH_RISK__LEVERAGE); `section.Path` is the path as stored.
    private void CheckObject(IConfigurationSection section, string display, Type type, bool secret)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            PropertyInfo? property = OptionsTypeInfo.FindProperty(type, child.Key);
            if (property is null)
            {
                ReportUnknown(display, child, type, secret);
                continue;
            }

            CheckValue(child, display + ":" + property.Name, property.PropertyType, secret || OptionsTypeInfo.IsSecret(property));
        }
    }

    private void CheckValue(IConfigurationSection section, string display, Type type, bool secret)
    {
        bool hasChildren = section.GetChildren().Any();
        if (OptionsTypeInfo.IsScalar(type))
        {
            if (hasChildren)
            {
                Fail(section.Path, display, null, "must be a single value, not a section");
            }
            else if (section.Value is not null && !OptionsTypeInfo.CanConvert(section.Value, type))
            {
                Fail(section.Path, display, ValueFormatter.FormatRaw(section.Value, secret), OptionsTypeInfo.DescribeExpected(type));
            }

            return;
        }

        Type? element = OptionsTypeInfo.GetListElementType(type);
        if (element is not null)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                Fail(section.Path, display, ValueFormatter.FormatRaw(section.Value, secret), $"must be a list: set {display}:0, {display}:1, ... (environment: __0, __1, ...)");
                return;
            }

            foreach (IConfigurationSection item in section.GetChildren())
            {
                if (OptionsTypeInfo.IsListIndex(item.Key)) CheckValue(item, display + ":" + item.Key, element, secret);
                else Fail(item.Path, display + ":" + item.Key, null, "is not a list index (0, 1, 2, ...)");
            }

            return;
        }

        Type? valueType = OptionsTypeInfo.GetDictionaryValueType(type);
        if (valueType is not null)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                Fail(section.Path, display, ValueFormatter.FormatRaw(section.Value, secret), "must be a section of named entries, not a single value");
                return;
            }

            foreach (IConfigurationSection item in section.GetChildren()) CheckValue(item, display + ":" + item.Key, valueType, secret);
            return;
        }

        if (!string.IsNullOrEmpty(section.Value))
        {
            Fail(section.Path, display, ValueFormatter.FormatRaw(section.Value, secret), $"must be a section (e.g. {display}:<setting>), not a single value");
            return;
        }

        CheckObject(section, display, type, secret);
    }

    private void ReportUnknown(string parent, IConfigurationSection child, Type type, bool secret)
    {
        bool looksSecret = secret || LooksSecret(child.Key);
        string? value = child.GetChildren().Any() ? null : ValueFormatter.FormatRaw(child.Value, looksSecret);
        string rule = $"unknown key (no such setting under {parent})";
        string? suggestion = Suggest(type, child.Key);
        if (suggestion is not null) rule += $"; did you mean {parent}:{suggestion}?";
        Fail(child.Path, parent + ":" + child.Key, value, rule);
    }

    private void Fail(string path, string display, string? value, string rule)
    {
        _errors.Add(new ConfigurationError(display, value, rule));
        _badPaths.Add(path);
    }

    private static bool LooksSecret(string key)
    {
        foreach (string word in s_secretWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static string? Suggest(Type type, string key)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (PropertyInfo property in OptionsTypeInfo.GetBindableProperties(type))
        {
            int distance = EditDistance(key.ToUpperInvariant(), property.Name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = property.Name;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
