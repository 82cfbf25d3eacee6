using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smallfish.Monitoring.Status;

/// <summary>Writes and reads <typeparamref name="TEnum"/> as its camelCase member name (<c>"stopLoss"</c>); numbers are refused.</summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
