using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// How the configuration binder sees an options type: which properties are bindable, which types are single values,
/// lists or dictionaries, and whether a text converts the way the binder would convert it.
/// </summary>
internal static class OptionsTypeInfo
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    /// <summary>Public instance properties with a public getter and setter, in declaration order.</summary>
    public static PropertyInfo[] GetBindableProperties(Type type) => s_properties.GetOrAdd(type, static t =>
    {
        var list = new List<PropertyInfo>();
        foreach (PropertyInfo property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetGetMethod() is not null && property.GetSetMethod() is not null)
            {
                list.Add(property);
            }
        }

        list.Sort(static (a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
        return list.ToArray();
    });

    /// <summary>The bindable property named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static PropertyInfo? FindProperty(Type type, string name)
    {
        foreach (PropertyInfo property in GetBindableProperties(type))
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property;
        }

        return null;
    }

    /// <summary>True for the property types that hold one configuration value.</summary>
    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
    }

    /// <summary>The element type of a list or array property type, or null.</summary>
    public static Type? GetListElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        Type definition = type.GetGenericTypeDefinition();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    /// <summary>The value type of a string-keyed dictionary property type, or null.</summary>
    public static Type? GetDictionaryValueType(Type type)
    {
        if (!type.IsGenericType) return null;
        Type definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Dictionary<,>) && definition != typeof(IDictionary<,>) && definition != typeof(IReadOnlyDictionary<,>)) return null;
        Type[] args = type.GetGenericArguments();
        return args[0] == typeof(string) ? args[1] : null;
    }

    /// <summary>True when the property holds a secret.</summary>
    public static bool IsSecret(PropertyInfo property) => property.IsDefined(typeof(SecretAttribute), inherit: true);

    /// <summary>
    /// True when <paramref name="text"/> converts to <paramref name="type"/> as the configuration binder converts it
    /// (type converter, invariant culture). Enums must be given by name, not by number.
    /// </summary>
    public static bool CanConvert(string text, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return true;
        if (type.IsEnum)
        {
            string trimmed = text.Trim();
            return trimmed.Length > 0 && !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && trimmed[0] != '+'
                && Enum.TryParse(type, trimmed, ignoreCase: true, out object? parsed) && Enum.IsDefined(type, parsed!);
        }

        if (text.Length == 0) return false;
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text) is not null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The rule a value of <paramref name="type"/> must follow, for error lines.</summary>
    public static string DescribeExpected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "must be one of: " + EnumNames(type);
        if (type == typeof(bool)) return "must be true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)) return "must be a whole number";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "must be a number with '.' as decimal separator, e.g. 1.5";
        if (type == typeof(TimeOnly)) return "must be a time of day, e.g. 23:55";
        return "must be a valid " + type.Name;
    }

    /// <summary>The enum's names in lower case, comma separated.</summary>
    public static string EnumNames(Type enumType) => string.Join(", ", Array.ConvertAll(Enum.GetNames(enumType), static n => n.ToLowerInvariant()));

    /// <summary>True when the text is a non-negative list index (0, 1, 2, ...).</summary>
    public static bool IsListIndex(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
