using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// Real venue answers, read at test time from ../shared (never copied): the protocol fixtures' <c>message</c>, and from
/// the cryptofeed Bybit v5 recording the real <c>/v5/market/instruments-info</c> answer (800 linear contracts) and the
/// first <c>tickers.*</c> snapshot row of each linear symbol.
/// </summary>
internal static class RealVenueMessages
{
    private static readonly Lazy<(string Instruments, List<JsonObject> Tickers)> s_recording = new(ReadRecording);

    /// <summary>The recorded linear instruments-info answer, verbatim.</summary>
    public static string BybitInstrumentsLinear => s_recording.Value.Instruments;

    /// <summary>The recorded linear ticker rows (BTC, DOGE, ETH, SOL), in recording order.</summary>
    public static IReadOnlyList<JsonObject> BybitLinearTickerRows => s_recording.Value.Tickers.Select(r => (JsonObject)r.DeepClone()).ToList();

    /// <summary>
    /// A <c>/v5/market/tickers</c> answer whose list holds <paramref name="rows"/> (the recorded linear rows by default)
    /// and the published inverse BTCUSD row, which is not a USDT perpetual.
    /// </summary>
    public static string BybitTickers(IEnumerable<JsonObject>? rows = null)
    {
        var list = new JsonArray();
        foreach (JsonObject row in rows ?? BybitLinearTickerRows) list.Add(row);
        JsonNode inverse = JsonNode.Parse(Fixture("bybit", "rest_tickers_inverse.json"))!["result"]!["list"]![0]!.DeepClone();
        list.Add(inverse);
        var answer = new JsonObject
        {
            ["retCode"] = 0,
            ["retMsg"] = "OK",
            ["result"] = new JsonObject { ["category"] = "linear", ["list"] = list },
            ["retExtInfo"] = new JsonObject(),
            ["time"] = 1786310817197,
        };
        return answer.ToJsonString();
    }

    /// <summary>The <c>message</c> of a protocol fixture (the venue's answer), as JSON text.</summary>
    public static string Fixture(string venue, string file)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedProtocols, "fixtures", venue, file)));
        return doc.RootElement.GetProperty("message").GetRawText();
    }

    private static (string, List<JsonObject>) ReadRecording()
    {
        string path = Path.Combine(TestPaths.SharedData, "cryptofeed-bybit-v5", "BYBIT.jsonl.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? instruments = null;
        var tickers = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            using JsonDocument envelope = JsonDocument.Parse(line);
            JsonElement e = envelope.RootElement;
            string kind = e.GetProperty("t").GetString()!;
            if (kind == "http" && instruments is null && e.GetProperty("url").GetString()!.Contains("category=linear", StringComparison.Ordinal))
            {
                instruments = e.GetProperty("data").GetString();
            }
            else if (kind == "recv" && e.GetProperty("conn").GetString() == "BYBIT.ws.2")
            {
                JsonNode payload = JsonNode.Parse(e.GetProperty("data").GetString()!)!;
                string topic = payload["topic"]?.GetValue<string>() ?? "";
                if (topic.StartsWith("tickers.", StringComparison.Ordinal) && payload["type"]?.GetValue<string>() == "snapshot")
                {
                    tickers.TryAdd(topic, (JsonObject)payload["data"]!.DeepClone());
                }
            }
        }

        return (instruments ?? throw new InvalidDataException("no linear instruments-info answer in " + path), tickers.Values.ToList());
    }
}
