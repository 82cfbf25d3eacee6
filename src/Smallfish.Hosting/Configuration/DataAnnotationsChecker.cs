using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Runs the data-annotation rules of a bound options object and everything below it (nested sections, list items,
/// dictionary values), reporting each failure with its configuration key path.
/// </summary>
internal static class DataAnnotationsChecker
{
    /// <summary>
    /// Appends the failures of <paramref name="options"/>, whose section is <paramref name="path"/>, to
    /// <paramref name="errors"/>, leaving out the top-level property named <paramref name="skipProperty"/>.
    /// </summary>
    public static void Check(object options, string path, List<ConfigurationError> errors, string? skipProperty = null) =>
        CheckObject(options, path, secret: false, errors, skipProperty);

    /// <summary>The rule an attribute expresses, worded for an error line.</summary>
    public static string DescribeRule(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range => DescribeRange(range),
        RequiredAttribute => "is required (must not be empty)",
        MinLengthAttribute min => string.Create(CultureInfo.InvariantCulture, $"must have at least {min.Length} entries"),
        _ => attribute.FormatErrorMessage("value"),
    };

    private static void CheckObject(object options, string path, bool secret, List<ConfigurationError> errors, string? skipProperty = null)
    {
        foreach (PropertyInfo property in OptionsTypeInfo.GetBindableProperties(options.GetType()))
        {
            if (property.Name == skipProperty) continue;
            object? value = property.GetValue(options);
            string key = path + ":" + property.Name;
            bool isSecret = secret || OptionsTypeInfo.IsSecret(property);
            foreach (ValidationAttribute attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (!attribute.IsValid(value))
                {
                    errors.Add(new ConfigurationError(key, ValueFormatter.Format(value, isSecret), DescribeRule(attribute)));
                }
            }

            if (value is null || OptionsTypeInfo.IsScalar(property.PropertyType)) continue;
            if (OptionsTypeInfo.GetDictionaryValueType(property.PropertyType) is not null)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is not null && !OptionsTypeInfo.IsScalar(entry.Value.GetType()))
                    {
                        CheckObject(entry.Value, key + ":" + entry.Key, isSecret, errors);
                    }
                }
            }
            else if (OptionsTypeInfo.GetListElementType(property.PropertyType) is not null)
            {
                int index = 0;
                foreach (object? item in (IEnumerable)value)
                {
                    if (item is not null && !OptionsTypeInfo.IsScalar(item.GetType()))
                    {
                        CheckObject(item, key + ":" + index.ToString(CultureInfo.InvariantCulture), isSecret, errors);
                    }

                    index++;
                }
            }
            else
            {
                CheckObject(value, key, isSecret, errors);
            }
        }
    }

    private static string DescribeRange(RangeAttribute range)
    {
        string min = FormatLimit(range.Minimum);
        string low = (range.MinimumIsExclusive ? "> " : ">= ") + min;
        if (IsUnbounded(range.Maximum)) return "must be " + low;
        string high = (range.MaximumIsExclusive ? "< " : "<= ") + FormatLimit(range.Maximum);
        return $"must be {low} and {high}";
    }

    private static bool IsUnbounded(object limit) => limit switch
    {
        int i => i == int.MaxValue,
        long l => l == long.MaxValue,
        double d => d == double.MaxValue || double.IsPositiveInfinity(d),
        _ => false,
    };

    private static string FormatLimit(object limit) => limit switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => limit.ToString() ?? "",
    };
}
