using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.TestSupport;

/// <summary>
/// TEST-LOCAL, MINIMAL reader of the cryptofeed Bybit v5 sample (shared/data/real/cryptofeed-bybit-v5/BYBIT.jsonl.gz)
/// into core events, so recorder tests can use real data before the official wire parsers (Smallfish.Wire, written on a
/// parallel branch) are merged. It handles only what the sample holds: linear orderbook.200 snapshot/delta,
/// publicTrade and tickers (snapshot/delta merged per symbol). Not a reference for the wire format; do not reuse.
/// </summary>
internal static class BybitSampleParser
{
    public static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT"];

    public static string SamplePath => Path.Combine(RepoPaths.RealData, "cryptofeed-bybit-v5", "BYBIT.jsonl.gz");

    /// <summary>The linear events of the sample in file order, and the symbol table from the sample's instruments-info response.</summary>
    public static (MarketEventList Events, List<RecordedInstrument> Instruments) Load()
    {
        var specs = new InstrumentSpec?[Symbols.Length];
        var tickers = new Dictionary<string, double>[Symbols.Length];
        for (int i = 0; i < tickers.Length; i++) tickers[i] = new Dictionary<string, double>(StringComparer.Ordinal);
        var events = new MarketEventList();
        var book = new BookUpdate();

        using var file = File.OpenRead(SamplePath);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gz, Encoding.UTF8);
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            using var envelope = JsonDocument.Parse(line);
            var root = envelope.RootElement;
            string t = root.GetProperty("t").GetString()!;
            if (t == "http" && root.GetProperty("url").GetString()!.Contains("category=linear", StringComparison.Ordinal))
            {
                ReadSpecs(root.GetProperty("data").GetString()!, specs);
                continue;
            }
            if (t != "recv" || root.GetProperty("conn").GetString() != "BYBIT.ws.2") continue;
            long localNs = (long)(decimal.Parse(root.GetProperty("ts").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) * 1_000_000_000m);
            using var inner = JsonDocument.Parse(root.GetProperty("data").GetString()!);
            var msg = inner.RootElement;
            if (!msg.TryGetProperty("topic", out var topicEl)) continue;
            string topic = topicEl.GetString()!;
            int sym = Array.IndexOf(Symbols, topic[(topic.LastIndexOf('.') + 1)..]);
            if (sym < 0) continue;
            var spec = specs[sym] ?? throw new InvalidOperationException("instruments-info must precede the stream");
            long exchNs = msg.GetProperty("ts").GetInt64() * 1_000_000;
            if (topic.StartsWith("orderbook.", StringComparison.Ordinal))
            {
                var data = msg.GetProperty("data");
                book.Reset();
                book.SymbolId = sym;
                book.Kind = msg.GetProperty("type").GetString() == "snapshot" ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
                book.LastUpdateId = data.GetProperty("u").GetInt64();
                book.Sequence = data.GetProperty("seq").GetInt64();
                book.ExchTsNs = exchNs;
                book.LocalTsNs = localNs;
                foreach (var level in data.GetProperty("b").EnumerateArray()) book.Bids.Add(Ticks(spec.Price, level[0]), Ticks(spec.Qty, level[1]));
                foreach (var level in data.GetProperty("a").EnumerateArray()) book.Asks.Add(Ticks(spec.Price, level[0]), Ticks(spec.Qty, level[1]));
                events.Add(book);
            }
            else if (topic.StartsWith("publicTrade.", StringComparison.Ordinal))
            {
                foreach (var tr in msg.GetProperty("data").EnumerateArray())
                {
                    var flags = tr.TryGetProperty("BT", out var bt) && bt.GetBoolean() ? TradeFlags.Block : TradeFlags.None;
                    events.Add(new TradeEvent(sym, tr.GetProperty("T").GetInt64() * 1_000_000, localNs, Ticks(spec.Price, tr.GetProperty("p")),
                        Ticks(spec.Qty, tr.GetProperty("v")), tr.GetProperty("S").GetString() == "Buy" ? Side.Buy : Side.Sell,
                        Fnv1a(tr.GetProperty("i").GetString()!), flags));
                }
            }
            else if (topic.StartsWith("tickers.", StringComparison.Ordinal))
            {
                var fields = tickers[sym];
                foreach (var p in msg.GetProperty("data").EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String && double.TryParse(p.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    {
                        fields[p.Name] = v;
                    }
                }
                double F(string name) => fields.TryGetValue(name, out double v) ? v : double.NaN;
                long nextFunding = fields.TryGetValue("nextFundingTime", out double nft) ? (long)nft * 1_000_000 : 0;
                events.Add(new TickerEvent(sym, exchNs, localNs, F("lastPrice"), F("markPrice"), F("indexPrice"), F("fundingRate"), nextFunding,
                    F("turnover24h"), F("price24hPcnt")));
            }
        }
        var instruments = new List<RecordedInstrument>();
        for (int i = 0; i < Symbols.Length; i++) instruments.Add(new RecordedInstrument(i, specs[i]!));
        return (events, instruments);
    }

    private static void ReadSpecs(string json, InstrumentSpec?[] specs)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.GetProperty("result").GetProperty("list").EnumerateArray())
        {
            int i = Array.IndexOf(Symbols, item.GetProperty("symbol").GetString());
            if (i < 0) continue;
            var lot = item.GetProperty("lotSizeFilter");
            specs[i] = new InstrumentSpec(Symbols[i], D(item.GetProperty("priceFilter").GetProperty("tickSize")), D(lot.GetProperty("qtyStep")),
                D(lot.GetProperty("minOrderQty")), D(lot.GetProperty("minNotionalValue")));
        }
    }

    private static decimal D(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long Ticks(DecimalScale scale, JsonElement e)
    {
        var s = Encoding.ASCII.GetBytes(e.GetString()!);
        if (!scale.TryParseSteps(s, out long steps)) throw new FormatException($"'{e.GetString()}' is not on the grid of step {scale.Step}");
        return steps;
    }

    private static long Fnv1a(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return (long)h;
    }
}
