using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Smallfish.Core.Time;

namespace Smallfish.Persistence.State;

/// <summary>
/// The journal's <see cref="IEngineStateStore"/>: an in-memory copy of <c>engine_state</c> loaded when the journal
/// opens, updated at once on every write (read-your-writes), with each write queued to the journal's writer so it is
/// committed in order with the other records.
/// </summary>
public sealed class EngineStateStore : IEngineStateStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EngineStateEntry> _entries = new(StringComparer.Ordinal);
    private readonly Action<EngineStateEntry> _persist;
    private readonly TimeProvider _clock;

    internal EngineStateStore(IEnumerable<EngineStateEntry> loaded, Action<EngineStateEntry> persist, TimeProvider clock)
    {
        foreach (var e in loaded) _entries[e.Key] = e;
        _persist = persist;
        _clock = clock;
    }

    /// <inheritdoc />
    public bool TryGetInt64(string key, out long value)
    {
        value = 0;
        if (!TryGet(key, EngineStateKind.Int64, out var text)) return false;
        value = long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return true;
    }

    /// <inheritdoc />
    public bool TryGetDouble(string key, out double value)
    {
        value = 0;
        if (!TryGet(key, EngineStateKind.Double, out var text)) return false;
        value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <inheritdoc />
    public bool TryGetDecimal(string key, out decimal value)
    {
        value = 0;
        if (!TryGet(key, EngineStateKind.Decimal, out var text)) return false;
        value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        return true;
    }

    /// <inheritdoc />
    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        if (TryGet(key, EngineStateKind.String, out var text))
        {
            value = text;
            return true;
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public bool TryGetBoolean(string key, out bool value)
    {
        value = false;
        if (!TryGet(key, EngineStateKind.Boolean, out var text)) return false;
        value = text == "1";
        return true;
    }

    /// <inheritdoc />
    public void SetInt64(string key, long value) => Set(key, EngineStateKind.Int64, value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public void SetDouble(string key, double value) => Set(key, EngineStateKind.Double, value.ToString("R", CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public void SetDecimal(string key, decimal value) => Set(key, EngineStateKind.Decimal, value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public void SetString(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Set(key, EngineStateKind.String, value);
    }

    /// <inheritdoc />
    public void SetBoolean(string key, bool value) => Set(key, EngineStateKind.Boolean, value ? "1" : "0");

    /// <inheritdoc />
    public IReadOnlyList<EngineStateEntry> Entries()
    {
        lock (_gate)
        {
            var list = new List<EngineStateEntry>(_entries.Values);
            list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return list;
        }
    }

    private bool TryGet(string key, EngineStateKind kind, [NotNullWhen(true)] out string? text)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        EngineStateEntry? entry;
        lock (_gate) _entries.TryGetValue(key, out entry);
        if (entry is null)
        {
            text = null;
            return false;
        }
        if (entry.Kind != kind)
        {
            throw new InvalidOperationException($"engine_state key '{key}' holds a {entry.Kind}, not a {kind}");
        }
        text = entry.Value;
        return true;
    }

    private void Set(string key, EngineStateKind kind, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var entry = new EngineStateEntry(key, kind, text, _clock.GetUnixTimeNs());
        lock (_gate)
        {
            _entries[key] = entry;
            // Queued under the lock so two writers of one key reach the database in the order they reached the cache.
            _persist(entry);
        }
    }
}
