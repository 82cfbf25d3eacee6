using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Flattens a bound options object into configuration keys and display values (invariant culture, secrets redacted),
/// the inverse of binding. An empty list or dictionary is shown as <c>(empty)</c>.
/// </summary>
internal static class OptionsFlattener
{
    /// <summary>What an empty list or dictionary is shown as.</summary>
    public const string EmptyText = "(empty)";

    /// <summary>One flattened value. <paramref name="ListRoot"/> is the path of the outermost list the value belongs to, if any.</summary>
    /// <param name="Key">Full configuration key.</param>
    /// <param name="Value">Display value.</param>
    /// <param name="ListRoot">Path of the enclosing list, or null.</param>
    public readonly record struct Entry(string Key, string Value, string? ListRoot);

    /// <summary>Flattens <paramref name="options"/> whose section is <paramref name="path"/>, leaving out the top-level property <paramref name="skipProperty"/>.</summary>
    public static List<Entry> Flatten(object options, string path, string? skipProperty = null)
    {
        var entries = new List<Entry>();
        FlattenObject(options, path, secret: false, listRoot: null, entries, skipProperty);
        return entries;
    }

    private static void FlattenObject(object options, string path, bool secret, string? listRoot, List<Entry> entries, string? skipProperty = null)
    {
        foreach (PropertyInfo property in OptionsTypeInfo.GetBindableProperties(options.GetType()))
        {
            if (property.Name == skipProperty) continue;
            FlattenValue(property.GetValue(options), property.PropertyType, path + ":" + property.Name,
                secret || OptionsTypeInfo.IsSecret(property), listRoot, entries);
        }
    }

    private static void FlattenValue(object? value, Type type, string key, bool secret, string? listRoot, List<Entry> entries)
    {
        if (OptionsTypeInfo.IsScalar(type) || value is null)
        {
            entries.Add(new Entry(key, ValueFormatter.Format(value, secret), listRoot));
            return;
        }

        if (OptionsTypeInfo.GetDictionaryValueType(type) is { } valueType)
        {
            var dictionary = (IDictionary)value;
            if (dictionary.Count == 0) entries.Add(new Entry(key, EmptyText, listRoot));
            foreach (DictionaryEntry item in dictionary)
            {
                FlattenValue(item.Value, valueType, key + ":" + item.Key, secret, listRoot, entries);
            }

            return;
        }

        if (OptionsTypeInfo.GetListElementType(type) is { } elementType)
        {
            string root = listRoot ?? key;
            int index = 0;
            foreach (object? item in (IEnumerable)value)
            {
                FlattenValue(item, elementType, key + ":" + index.ToString(CultureInfo.InvariantCulture), secret, root, entries);
                index++;
            }

            if (index == 0) entries.Add(new Entry(key, EmptyText, root));
            return;
        }

        FlattenObject(value, key, secret, listRoot, entries);
    }
}
