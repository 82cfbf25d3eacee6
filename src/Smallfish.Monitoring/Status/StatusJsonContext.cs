using System.Text.Json.Serialization;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Monitoring.Status;

/// <summary>
/// Source-generated System.Text.Json metadata for the status documents: camelCase names, enumerations as camelCase
/// strings (signals by their short names), every field always written (nulls included) so the shape is stable,
/// NaN and infinities written as named literals rather than failing the whole document.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters =
    [
        typeof(SignalIdJsonConverter),
        typeof(CamelCaseEnumConverter<ServiceMode>),
        typeof(CamelCaseEnumConverter<ExchangeName>),
        typeof(CamelCaseEnumConverter<TradingMode>),
        typeof(CamelCaseEnumConverter<KillSwitchCause>),
        typeof(CamelCaseEnumConverter<VolatilityRegime>),
        typeof(CamelCaseEnumConverter<BookInvalidReason>),
        typeof(CamelCaseEnumConverter<Side>),
        typeof(CamelCaseEnumConverter<OrderRole>),
        typeof(CamelCaseEnumConverter<OrderStatus>),
        typeof(CamelCaseEnumConverter<ExitReason>),
        typeof(CamelCaseEnumConverter<MarkerAction>),
        typeof(CamelCaseEnumConverter<GridLevelState>),
        typeof(CamelCaseEnumConverter<HealthState>),
        typeof(CamelCaseEnumConverter<HealthReason>),
        typeof(CamelCaseEnumConverter<InstrumentGridOrigin>),
    ])]
[JsonSerializable(typeof(StatusSnapshot))]
[JsonSerializable(typeof(HealthReport))]
public sealed partial class StatusJsonContext : JsonSerializerContext
{
}
