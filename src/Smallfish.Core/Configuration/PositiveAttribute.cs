using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Smallfish.Core.Configuration;

/// <summary>Validates that a numeric value (int, long, double or decimal) is strictly greater than zero.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class PositiveAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute with the rule text "must be > 0".</summary>
    public PositiveAttribute()
        : base("must be > 0")
    {
    }

    /// <inheritdoc />
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal d => d > 0m,
        double d => d > 0d && !double.IsNaN(d),
        float f => f > 0f,
        IConvertible c => c.ToDecimal(CultureInfo.InvariantCulture) > 0m,
        _ => false,
    };
}
