namespace Smallfish.Monitoring.Metrics;

/// <summary>
/// One labelled series of an instrument: its tag set (to match incoming measurements without allocating) and its
/// aggregate. Guarded by the owning <see cref="InstrumentState"/>'s lock.
/// </summary>
internal sealed class MetricSeries
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    public MetricSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags, string labelText, int bucketCount)
    {
        _keys = new string[tags.Length];
        _values = new object?[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            _keys[i] = tags[i].Key;
            _values[i] = tags[i].Value;
        }
        LabelText = labelText;
        BucketCounts = bucketCount > 0 ? new long[bucketCount] : [];
    }

    /// <summary>Rendered labels without braces (<c>kind="trade",reason="x"</c>), empty for none.</summary>
    public string LabelText { get; }

    /// <summary>Sum or last value.</summary>
    public double Value { get; set; }

    /// <summary>False for an observable series not reported in the current collection.</summary>
    public bool HasValue { get; set; }

    /// <summary>Histogram: per-bucket (not cumulative) counts; the last element is the +Inf bucket.</summary>
    public long[] BucketCounts { get; }

    /// <summary>Histogram: sum of observed values.</summary>
    public double Sum { get; set; }

    /// <summary>Histogram: number of observed values.</summary>
    public long Count { get; set; }

    /// <summary>True when <paramref name="tags"/> holds exactly this series' tags, in any order.</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _keys.Length) return false;
        for (int i = 0; i < tags.Length; i++)
        {
            // Fast path: the same position (recorders usually pass tags in a fixed order).
            if (string.Equals(_keys[i], tags[i].Key, StringComparison.Ordinal) && Same(_values[i], tags[i].Value)) continue;
            bool found = false;
            for (int j = 0; j < _keys.Length; j++)
            {
                if (string.Equals(_keys[j], tags[i].Key, StringComparison.Ordinal) && Same(_values[j], tags[i].Value))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    private static bool Same(object? a, object? b) => ReferenceEquals(a, b) || (a is not null && a.Equals(b));
}
