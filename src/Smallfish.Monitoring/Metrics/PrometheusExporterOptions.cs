using System.Diagnostics.Metrics;
using Smallfish.Core.Metrics;

namespace Smallfish.Monitoring.Metrics;

/// <summary>What <see cref="PrometheusExporter"/> listens to and how it buckets histograms.</summary>
public sealed record PrometheusExporterOptions
{
    /// <summary>Which meters to export; by default the one named <see cref="SmallfishMetrics.MeterName"/>.</summary>
    public Func<Meter, bool> MeterFilter { get; init; } = static meter => meter.Name == SmallfishMetrics.MeterName;

    /// <summary>
    /// Optional bucket upper bounds per histogram (null = decide by default). Without it, the instrument's advice is
    /// used, else bounds chosen by its unit (µs, ms, s).
    /// </summary>
    public Func<Instrument, IReadOnlyList<double>?>? BucketBoundaries { get; init; }
}
