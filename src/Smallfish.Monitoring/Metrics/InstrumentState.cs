using System.Diagnostics.Metrics;
using System.Text;

namespace Smallfish.Monitoring.Metrics;

/// <summary>
/// The aggregate of one instrument: its Prometheus family name, type, bucket bounds and labelled series. Recording
/// takes an uncontended lock and allocates only when a new tag set first appears.
/// </summary>
internal sealed class InstrumentState
{
    private readonly object _gate = new();
    private readonly KeyValuePair<string, string>[] _constantLabels;
    private readonly List<MetricSeries> _series = [];

    public InstrumentState(Instrument instrument, PrometheusMetricType type, AggregationKind kind, bool observable, double[] bounds)
    {
        Instrument = instrument;
        Type = type;
        Kind = kind;
        IsObservable = observable;
        Bounds = bounds;
        FamilyName = PrometheusNaming.MetricName(instrument.Name, instrument.Unit, type);
        Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        var constant = new List<KeyValuePair<string, string>>();
        if (instrument.Meter.Tags is not null)
        {
            foreach (var tag in instrument.Meter.Tags) constant.Add(new(tag.Key, PrometheusNaming.TagValueText(tag.Value)));
        }
        if (instrument.Tags is not null)
        {
            foreach (var tag in instrument.Tags) constant.Add(new(tag.Key, PrometheusNaming.TagValueText(tag.Value)));
        }
        _constantLabels = constant.ToArray();
    }

    public Instrument Instrument { get; }

    public PrometheusMetricType Type { get; }

    public AggregationKind Kind { get; }

    public bool IsObservable { get; }

    /// <summary>Histogram bucket upper bounds, strictly increasing, without +Inf.</summary>
    public double[] Bounds { get; }

    public string FamilyName { get; }

    public string Help { get; }

    /// <summary>Adds one measurement.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (double.IsNaN(value)) return;
        lock (_gate)
        {
            MetricSeries series = FindOrAdd(tags);
            switch (Kind)
            {
                case AggregationKind.Sum:
                    // Prometheus counters only go up; a negative delta on a Counter is a recording bug and is dropped.
                    if (Type == PrometheusMetricType.Counter && value < 0) return;
                    series.Value += value;
                    break;
                case AggregationKind.Last:
                    series.Value = value;
                    break;
                case AggregationKind.Histogram:
                    series.BucketCounts[BucketIndex(value)]++;
                    series.Sum += value;
                    series.Count++;
                    break;
            }
            series.HasValue = true;
        }
    }

    /// <summary>Before collecting observable instruments: forget the values of the previous collection.</summary>
    public void BeginObservation()
    {
        if (!IsObservable) return;
        lock (_gate)
        {
            foreach (MetricSeries s in _series) s.HasValue = false;
        }
    }

    /// <summary>Writes this instrument's samples (no HELP/TYPE lines) in label order.</summary>
    public void WriteSamples(TextWriter writer)
    {
        lock (_gate)
        {
            var ordered = new List<MetricSeries>(_series.Count);
            foreach (MetricSeries s in _series)
            {
                if (s.HasValue) ordered.Add(s);
            }
            ordered.Sort(static (a, b) => string.CompareOrdinal(a.LabelText, b.LabelText));
            foreach (MetricSeries s in ordered)
            {
                if (Kind == AggregationKind.Histogram) WriteHistogram(writer, s);
                else WriteSample(writer, FamilyName, s.LabelText, null, PrometheusNaming.FormatValue(s.Value));
            }
        }
    }

    private void WriteHistogram(TextWriter writer, MetricSeries s)
    {
        string bucketName = FamilyName + "_bucket";
        long cumulative = 0;
        for (int i = 0; i < Bounds.Length; i++)
        {
            cumulative += s.BucketCounts[i];
            WriteSample(writer, bucketName, s.LabelText, PrometheusNaming.FormatValue(Bounds[i]), Count(cumulative));
        }
        cumulative += s.BucketCounts[Bounds.Length];
        WriteSample(writer, bucketName, s.LabelText, "+Inf", Count(cumulative));
        WriteSample(writer, FamilyName + "_sum", s.LabelText, null, PrometheusNaming.FormatValue(s.Sum));
        WriteSample(writer, FamilyName + "_count", s.LabelText, null, Count(s.Count));
    }

    private static string Count(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteSample(TextWriter writer, string name, string labels, string? le, string value)
    {
        writer.Write(name);
        if (labels.Length > 0 || le is not null)
        {
            writer.Write('{');
            writer.Write(labels);
            if (le is not null)
            {
                if (labels.Length > 0) writer.Write(',');
                writer.Write("le=\"");
                writer.Write(le);
                writer.Write('"');
            }
            writer.Write('}');
        }
        writer.Write(' ');
        writer.Write(value);
        writer.Write('\n');
    }

    private int BucketIndex(double value)
    {
        // First bound >= value (bounds are inclusive upper limits); past the last bound is the +Inf bucket.
        int lo = 0, hi = Bounds.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Bounds[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private MetricSeries FindOrAdd(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        for (int i = 0; i < _series.Count; i++)
        {
            if (_series[i].Matches(tags)) return _series[i];
        }
        var series = new MetricSeries(tags, RenderLabels(tags), Kind == AggregationKind.Histogram ? Bounds.Length + 1 : 0);
        _series.Add(series);
        return series;
    }

    private string RenderLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(_constantLabels.Length + tags.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string key, string value)
        {
            string name = PrometheusNaming.LabelName(key);
            if (Kind == AggregationKind.Histogram && name == "le") name = "_le";
            if (seen.Add(name)) labels.Add(new(name, value));
        }
        foreach (var tag in tags) Add(tag.Key, PrometheusNaming.TagValueText(tag.Value));
        foreach (var tag in _constantLabels) Add(tag.Key, tag.Value);
        labels.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var sb = new StringBuilder();
        foreach (var label in labels)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(label.Key).Append("=\"").Append(PrometheusNaming.EscapeLabelValue(label.Value)).Append('"');
        }
        return sb.ToString();
    }
}
