using System.Text;
using System.Text.Json;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// The sidecar of a cache file (<c>*.sfrec.json</c>): what the cache was built from and what it holds. A cache whose
/// file does not match its manifest (length, event count) is treated as corrupt and rebuilt.
/// </summary>
public sealed record EventCacheManifest
{
    /// <summary>The cache key (<see cref="EventCacheSpec.Key"/>).</summary>
    public required string Key { get; init; }

    /// <summary>Venue.</summary>
    public required string Venue { get; init; }

    /// <summary>Symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>The spec text the key was hashed from (sources with sizes and times).</summary>
    public required string Source { get; init; }

    /// <summary>Events by kind.</summary>
    public EventCounts Counts { get; init; }

    /// <summary>Blocks in the file.</summary>
    public long Blocks { get; init; }

    /// <summary>File length, bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Exchange time of the first event, ns.</summary>
    public long FirstTsNs { get; init; }

    /// <summary>Exchange time of the last event, ns.</summary>
    public long LastTsNs { get; init; }

    /// <summary>Source lines read.</summary>
    public long Lines { get; init; }

    /// <summary>Malformed source lines skipped (only under the skip policy).</summary>
    public long SkippedLines { get; init; }

    /// <summary>Events that could not be put back in exchange-time order within the reorder window.</summary>
    public long LateEvents { get; init; }

    /// <summary>Serializes the manifest (UTF-8 JSON, fixed key order).</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("key", Key);
            w.WriteString("venue", Venue);
            w.WriteString("symbol", Symbol);
            w.WriteNumber("books", Counts.Books);
            w.WriteNumber("trades", Counts.Trades);
            w.WriteNumber("bbos", Counts.Bbos);
            w.WriteNumber("tickers", Counts.Tickers);
            w.WriteNumber("blocks", Blocks);
            w.WriteNumber("bytes", Bytes);
            w.WriteNumber("first_ts_ns", FirstTsNs);
            w.WriteNumber("last_ts_ns", LastTsNs);
            w.WriteNumber("lines", Lines);
            w.WriteNumber("skipped_lines", SkippedLines);
            w.WriteNumber("late_events", LateEvents);
            w.WriteString("source", Source);
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Parses a manifest; null when the bytes are not a complete manifest.</summary>
    public static EventCacheManifest? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var r = doc.RootElement;
            return new EventCacheManifest
            {
                Key = r.GetProperty("key").GetString()!,
                Venue = r.GetProperty("venue").GetString()!,
                Symbol = r.GetProperty("symbol").GetString()!,
                Counts = new EventCounts(r.GetProperty("books").GetInt64(), r.GetProperty("trades").GetInt64(),
                    r.GetProperty("bbos").GetInt64(), r.GetProperty("tickers").GetInt64()),
                Blocks = r.GetProperty("blocks").GetInt64(),
                Bytes = r.GetProperty("bytes").GetInt64(),
                FirstTsNs = r.GetProperty("first_ts_ns").GetInt64(),
                LastTsNs = r.GetProperty("last_ts_ns").GetInt64(),
                Lines = r.GetProperty("lines").GetInt64(),
                SkippedLines = r.GetProperty("skipped_lines").GetInt64(),
                LateEvents = r.GetProperty("late_events").GetInt64(),
                Source = r.GetProperty("source").GetString()!,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(ToJson());
}
