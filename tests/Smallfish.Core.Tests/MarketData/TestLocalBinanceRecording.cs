using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.MarketData;

/// <summary>One pre-parsed event of a recording: a book message or a trade, with the decision time to replay it at.</summary>
internal sealed class RecordedEvent
{
    public required long DecisionNs { get; init; }

    public BookUpdate? Book { get; init; }

    public TradeEvent Trade { get; init; }
}

/// <summary>
/// TEST-LOCAL reader for the hftbacktest Binance USD-M recordings (<c>&lt;local_ns&gt; {json}</c> lines, gzip): depth
/// diffs, the REST snapshot and trades; bookTicker lines are skipped. It exists only so the feature tests can run on
/// real data before the official replay readers (Smallfish.Simulation) are merged; the lead switches these tests to the
/// official reader at merge and deletes this file. Allocates freely: events are parsed before the measured loop.
/// The decision time of each event is its exchange event time E (as the backtest's simulated clock would be).
/// </summary>
internal static class TestLocalBinanceRecording
{
    private const long NsPerMs = 1_000_000;

    public static InstrumentSpec BtcUsdt() => new("BTCUSDT", 0.1m, 0.001m, 0.001m, 100m);

    public static List<RecordedEvent> Read(string path, InstrumentSpec spec)
    {
        var events = new List<RecordedEvent>();
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
        {
            int space = line.IndexOf(' ');
            long local = long.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
            using var doc = JsonDocument.Parse(line.AsMemory(space + 1));
            var root = doc.RootElement;
            if (root.TryGetProperty("lastUpdateId", out var lastId))
            {
                var snap = new BookUpdate
                {
                    Kind = BookUpdateKind.Snapshot,
                    LastUpdateId = lastId.GetInt64(),
                    ExchTsNs = root.GetProperty("E").GetInt64() * NsPerMs,
                    LocalTsNs = local,
                };
                Levels(root.GetProperty("bids"), snap.Bids, spec);
                Levels(root.GetProperty("asks"), snap.Asks, spec);
                events.Add(new RecordedEvent { DecisionNs = snap.ExchTsNs, Book = snap });
                continue;
            }

            var data = root.GetProperty("data");
            string kind = data.GetProperty("e").GetString()!;
            if (kind == "depthUpdate")
            {
                var u = new BookUpdate
                {
                    Kind = BookUpdateKind.Delta,
                    FirstUpdateId = data.GetProperty("U").GetInt64(),
                    LastUpdateId = data.GetProperty("u").GetInt64(),
                    PrevUpdateId = data.GetProperty("pu").GetInt64(),
                    ExchTsNs = data.GetProperty("E").GetInt64() * NsPerMs,
                    LocalTsNs = local,
                };
                Levels(data.GetProperty("b"), u.Bids, spec);
                Levels(data.GetProperty("a"), u.Asks, spec);
                events.Add(new RecordedEvent { DecisionNs = u.ExchTsNs, Book = u });
            }
            else if (kind == "trade")
            {
                var trade = new TradeEvent(
                    0,
                    data.GetProperty("T").GetInt64() * NsPerMs,
                    local,
                    Steps(spec.Price, data.GetProperty("p")),
                    Steps(spec.Qty, data.GetProperty("q")),
                    data.GetProperty("m").GetBoolean() ? Side.Sell : Side.Buy,
                    data.GetProperty("t").GetInt64());
                events.Add(new RecordedEvent { DecisionNs = data.GetProperty("E").GetInt64() * NsPerMs, Trade = trade });
            }
        }
        return events;
    }

    private static void Levels(JsonElement array, LevelList into, InstrumentSpec spec)
    {
        foreach (var level in array.EnumerateArray())
        {
            into.Add(Steps(spec.Price, level[0]), Steps(spec.Qty, level[1]));
        }
    }

    private static long Steps(DecimalScale scale, JsonElement text) =>
        scale.ToSteps(decimal.Parse(text.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture), MidpointRounding.ToEven);
}
