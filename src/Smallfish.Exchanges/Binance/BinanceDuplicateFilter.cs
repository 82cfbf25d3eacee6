using System.Text.Json;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Drops the frames a second connection repeats while a connection is being cycled (binance-usdm.md: every
/// connection lives at most 24 h, so a new one is opened before the old one closes). Per stream it keeps the last
/// delivered update id and which connection delivered it: older or equal ids are duplicates; a frame from the other
/// connection that does not chain onto the last one (<c>pu</c> != last <c>u</c>) is left for the current source, so
/// interleaving never breaks the depth chain. Ids: <c>u</c> (depth, bookTicker), <c>a</c> (aggTrade), else <c>E</c>.
/// Used only on the public consumer task, only while cycling.
/// </summary>
internal sealed class BinanceDuplicateFilter
{
    private readonly Dictionary<ulong, (long LastId, int Source)> _streams = new();

    public void Reset() => _streams.Clear();

    public bool IsDuplicate(ReadOnlySpan<byte> frame, int connectionId)
    {
        if (!TryReadKey(frame, out ulong stream, out long id, out long pu)) return false; // not a stream frame: let the parser judge it
        if (!_streams.TryGetValue(stream, out var state))
        {
            _streams[stream] = (id, connectionId);
            return false;
        }
        if (id <= state.LastId) return true;
        if (connectionId != state.Source && pu >= 0 && pu != state.LastId) return true;
        _streams[stream] = (id, connectionId);
        return false;
    }

    /// <summary>Reads the stream name hash and the update ids of a combined-stream frame <c>{"stream":..,"data":{..}}</c>.</summary>
    internal static bool TryReadKey(ReadOnlySpan<byte> frame, out ulong stream, out long id, out long pu)
    {
        stream = 0;
        id = -1;
        pu = -1;
        long u = -1, a = -1, e = -1;
        bool haveStream = false;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("stream"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
                    stream = Fnv1a(reader.ValueSpan);
                    haveStream = true;
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        ref long target = ref e;
                        bool wanted = true;
                        if (reader.ValueTextEquals("u"u8)) target = ref u;
                        else if (reader.ValueTextEquals("pu"u8)) target = ref pu;
                        else if (reader.ValueTextEquals("a"u8)) target = ref a;
                        else if (!reader.ValueTextEquals("E"u8)) wanted = false;
                        if (!reader.Read()) return false;
                        if (wanted && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)) target = value;
                        else reader.Skip();
                    }
                }
                else
                {
                    if (!reader.Read()) return false;
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        id = u >= 0 ? u : a >= 0 ? a : e;
        return haveStream && id >= 0;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
