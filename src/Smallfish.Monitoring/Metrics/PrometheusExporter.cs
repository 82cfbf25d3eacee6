using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Smallfish.Core.Metrics;

namespace Smallfish.Monitoring.Metrics;

/// <summary>
/// Collects System.Diagnostics.Metrics measurements with a <see cref="MeterListener"/> and renders them in the
/// Prometheus text exposition format 0.0.4: counters (<c>_total</c>), gauges, and explicit-bucket histograms
/// (cumulative <c>_bucket{le="..."}</c>, <c>_sum</c>, <c>_count</c>). Recording allocates nothing once a series
/// exists; a scrape collects the observable instruments and formats the text.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The HTTP content type of the rendered text.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly double[] GenericBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1_000, 2_500, 5_000, 7_500, 10_000];

    private readonly PrometheusExporterOptions _options;
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _states = new();
    private readonly object _scrapeGate = new();

    /// <summary>Starts listening to the meters <paramref name="options"/> selects (by default the Smallfish meter).</summary>
    public PrometheusExporter(PrometheusExporterOptions? options = null)
    {
        _options = options ?? new PrometheusExporterOptions();
        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = (instrument, state) => _states.TryRemove(instrument, out InstrumentState? removed),
        };
        _listener.SetMeasurementEventCallback<double>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<float>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<long>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<int>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<short>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<byte>(static (i, m, tags, state) => ((InstrumentState)state!).Record(m, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (i, m, tags, state) => ((InstrumentState)state!).Record((double)m, tags));
        _listener.Start();
    }

    /// <summary>Collects the observable instruments and renders every exported metric.</summary>
    public string Scrape()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>Collects the observable instruments and writes every exported metric to <paramref name="writer"/>.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_scrapeGate)
        {
            InstrumentState[] states = _states.Values.ToArray();
            foreach (InstrumentState state in states) state.BeginObservation();
            _listener.RecordObservableInstruments();

            // One HELP/TYPE header per family; instruments that map to the same name share it when their type agrees.
            Array.Sort(states, static (a, b) =>
            {
                int c = string.CompareOrdinal(a.FamilyName, b.FamilyName);
                return c != 0 ? c : string.CompareOrdinal(a.Instrument.Meter.Name, b.Instrument.Meter.Name);
            });
            string? family = null;
            PrometheusMetricType familyType = default;
            foreach (InstrumentState state in states)
            {
                if (state.FamilyName != family)
                {
                    family = state.FamilyName;
                    familyType = state.Type;
                    writer.Write("# HELP ");
                    writer.Write(family);
                    writer.Write(' ');
                    writer.Write(PrometheusNaming.EscapeHelp(state.Help));
                    writer.Write('\n');
                    writer.Write("# TYPE ");
                    writer.Write(family);
                    writer.Write(' ');
                    writer.Write(TypeName(state.Type));
                    writer.Write('\n');
                }
                else if (state.Type != familyType)
                {
                    continue; // a clash of types under one name would make the exposition invalid
                }
                state.WriteSamples(writer);
            }
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private static string TypeName(PrometheusMetricType type) => type switch
    {
        PrometheusMetricType.Counter => "counter",
        PrometheusMetricType.Histogram => "histogram",
        _ => "gauge",
    };

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_options.MeterFilter(instrument.Meter)) return;
        if (!TryClassify(instrument, out PrometheusMetricType type, out AggregationKind kind, out bool observable)) return;
        double[] bounds = kind == AggregationKind.Histogram ? BucketsFor(instrument) : [];
        var state = new InstrumentState(instrument, type, kind, observable, bounds);
        _states[instrument] = state;
        listener.EnableMeasurementEvents(instrument, state);
    }

    private static bool TryClassify(Instrument instrument, out PrometheusMetricType type, out AggregationKind kind, out bool observable)
    {
        type = PrometheusMetricType.Gauge;
        kind = AggregationKind.Last;
        observable = instrument.IsObservable;
        Type t = instrument.GetType();
        if (!t.IsGenericType) return false;
        Type def = t.GetGenericTypeDefinition();
        if (def == typeof(Counter<>)) (type, kind) = (PrometheusMetricType.Counter, AggregationKind.Sum);
        else if (def == typeof(UpDownCounter<>)) (type, kind) = (PrometheusMetricType.Gauge, AggregationKind.Sum);
        else if (def == typeof(Histogram<>)) (type, kind) = (PrometheusMetricType.Histogram, AggregationKind.Histogram);
        else if (def == typeof(Gauge<>) || def == typeof(ObservableGauge<>) || def == typeof(ObservableUpDownCounter<>)) (type, kind) = (PrometheusMetricType.Gauge, AggregationKind.Last);
        else if (def == typeof(ObservableCounter<>)) (type, kind) = (PrometheusMetricType.Counter, AggregationKind.Last); // observes the running total
        else return false;
        return true;
    }

    private double[] BucketsFor(Instrument instrument)
    {
        IReadOnlyList<double>? chosen = _options.BucketBoundaries?.Invoke(instrument) ?? Advice(instrument);
        if (chosen is null)
        {
            chosen = instrument.Unit switch
            {
                "us" or "\u00b5s" or "\u03bcs" => SmallfishMetrics.LatencyBucketsUs,
                "ms" => SmallfishMetrics.FeedLatencyBucketsMs,
                "s" => SecondsBuckets,
                _ => GenericBuckets,
            };
        }
        var bounds = new SortedSet<double>();
        foreach (double b in chosen)
        {
            if (double.IsFinite(b)) bounds.Add(b);
        }
        return bounds.ToArray();
    }

    private static IReadOnlyList<double>? Advice(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
        Histogram<float> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => v),
        Histogram<long> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => v),
        Histogram<int> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => v),
        Histogram<short> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => v),
        Histogram<byte> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => v),
        Histogram<decimal> h => Convert(h.Advice?.HistogramBucketBoundaries, static v => (double)v),
        _ => null,
    };

    private static double[]? Convert<T>(IReadOnlyList<T>? values, Func<T, double> toDouble)
    {
        if (values is null) return null;
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = toDouble(values[i]);
        return result;
    }
}
