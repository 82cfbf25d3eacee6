namespace Smallfish.Monitoring.Metrics;

/// <summary>The metric types of the Prometheus text format this exporter writes.</summary>
internal enum PrometheusMetricType
{
    Counter,
    Gauge,
    Histogram,
}
