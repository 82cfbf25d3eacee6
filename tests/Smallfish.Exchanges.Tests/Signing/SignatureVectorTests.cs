using System.Text.Json;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Tests.Support;

namespace Smallfish.Exchanges.Tests.Signing;

/// <summary>Every known-answer vector in fixtures/signatures.json, through the venue's own signing class.</summary>
public sealed class SignatureVectorTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedFolder.Fixture("signatures.json")));
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new TestCaseData(v.GetRawText()).SetName("Sign_" + v.GetProperty("id").GetString());
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Sign_KnownAnswerVector_Matches(string vectorJson)
    {
        using var doc = JsonDocument.Parse(vectorJson);
        var v = doc.RootElement;
        string venue = v.GetProperty("venue").GetString()!;
        string key = v.GetProperty("api_key").GetString()!;
        string toSign = v.GetProperty("string_to_sign").GetString()!;
        var secretElement = v.GetProperty("secret");
        if (secretElement.ValueKind == JsonValueKind.Null)
        {
            // Bybit publishes the string but not the secret: check that our builder assembles exactly that string.
            Assert.That(venue, Is.EqualTo("bybit-v5"));
            var (ts, recv, payload) = SplitBybit(toSign, key);
            Assert.That(BybitSigner.BuildStringToSign(ts, key, recv, payload), Is.EqualTo(toSign));
            return;
        }
        var credentials = new ApiCredentials(key, secretElement.GetString()!);
        string actual = venue == "binance-usdm" ? new BinanceSigner(credentials).Sign(toSign) : new BybitSigner(credentials).Sign(toSign);
        Assert.That(actual, Is.EqualTo(v.GetProperty("computed_signature_openssl").GetString()));
        if (v.TryGetProperty("published_matches_computed", out var m) && m.GetBoolean())
        {
            Assert.That(actual, Is.EqualTo(v.GetProperty("published_signature").GetString()));
        }
    }

    [Test]
    public void BuildStringToSign_BybitVectorsWithSecret_RebuildTheSignedString()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedFolder.Fixture("signatures.json")));
        int checkedCount = 0;
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            string id = v.GetProperty("id").GetString()!;
            if (!id.StartsWith("bybit-", StringComparison.Ordinal) || id == "bybit-ws-auth") continue;
            string key = v.GetProperty("api_key").GetString()!;
            string toSign = v.GetProperty("string_to_sign").GetString()!;
            var (ts, recv, payload) = SplitBybit(toSign, key);
            Assert.That(BybitSigner.BuildStringToSign(ts, key, recv, payload), Is.EqualTo(toSign), id);
            checkedCount++;
        }
        Assert.That(checkedCount, Is.EqualTo(8));
    }

    [Test]
    public void BuildWebSocketStringToSign_DocExpiry_IsGetRealtimePlusExpires()
    {
        Assert.That(BybitSigner.BuildWebSocketStringToSign(1662350400000), Is.EqualTo("GET/realtime1662350400000"));
        var signer = new BybitSigner(new ApiCredentials("XXXXXXXXXX", "XXXXXXXXXX"));
        string message = signer.BuildWebSocketAuthMessage(1662350400000, "1");
        Assert.That(message, Is.EqualTo("{\"req_id\":\"1\",\"op\":\"auth\",\"args\":[\"XXXXXXXXXX\",1662350400000,\"3d6cbbfa4569aab894f661add824ff3f06090d0edba388f1e47dc15e6a7b5a8b\"]}"));
    }

    [Test]
    public void BuildTotalParams_MixedQueryAndBody_ConcatenatesWithoutSeparator()
    {
        string total = BinanceSigner.BuildTotalParams("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943");
        var signer = new BinanceSigner(new ApiCredentials("k", "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"));
        Assert.That(signer.Sign(total), Is.EqualTo("30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4"));
    }

    /// <summary>Splits "ts + key + recvWindow + payload" (ts is 13 digits, recvWindow 5000 in every vector).</summary>
    private static (long Ts, int Recv, string Payload) SplitBybit(string s, string key)
    {
        long ts = long.Parse(s[..13], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(s.Substring(13, key.Length), Is.EqualTo(key));
        string rest = s[(13 + key.Length)..];
        Assert.That(rest, Does.StartWith("5000"));
        return (ts, 5000, rest[4..]);
    }
}
