using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Binance;
using Smallfish.Exchanges.Bybit;
using Smallfish.Exchanges.Results;

namespace Smallfish.Fuzz.Tests.Security;

/// <summary>
/// Signed REST calls with a known secret, failing every way a transport or an exchange can fail (exceptions whose text
/// holds the full URL, 401/5xx/garbage bodies that echo the request, timeouts): the secret, the signature and the
/// signed query never appear in a result's message, an exception's text or the log.
/// </summary>
public sealed class RestSecretLeakTests
{
    private const string ApiKey = "KEY-visible-0123456789";
    private const string Secret = "SECRET-never-shown-9f8e7d6c5b4a";

    [Test]
    public async Task SignedCalls_FailingEveryWay_NoSecretSignatureOrQueryInResultsExceptionsOrLogs()
    {
        var handler = new HostileHandler();
        var log = new CapturingLogger();
        using var http = new HttpClient(handler);
        var options = new RestClientOptions { ReadRetries = 1, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, SyncTimeBeforeFirstSignedCall = false, RequestTimeout = TimeSpan.FromSeconds(2) };
        var catalog = new Smallfish.Exchanges.Abstractions.InstrumentCatalog();
        catalog.Add(new InstrumentSpec("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m));
        var credentials = new ApiCredentials(ApiKey, Secret);
        IExchangeRestClient[] clients =
        [
            new BybitRestClient(http, ExchangeEndpoints.Loopback(ExchangeKind.Bybit, 9), credentials, catalog, options, TimeProvider.System, log, () => 0),
            new BinanceRestClient(http, ExchangeEndpoints.Loopback(ExchangeKind.Binance, 9), credentials, catalog, options, TimeProvider.System, log, () => 0),
        ];
        var texts = new List<string>();
        int calls = 0;
        foreach (var client in clients)
        {
            foreach (HostileHandler.Mode mode in Enum.GetValues<HostileHandler.Mode>())
            {
                handler.Current = mode;
                try
                {
                    IExchangeResult[] results =
                    [
                        await client.PlaceOrderAsync(new OrderRequest("sf1-0-1-E0", "BTCUSDT", Side.Buy, OrderType.Limit, TimeInForce.PostOnly, 600_000, 1, 0, false, OrderRole.Entry)),
                        await client.GetOpenOrdersAsync("BTCUSDT"),
                    ];
                    foreach (var r in results) texts.Add($"{r.Error} {r.Error?.Message}");
                }
                catch (Exception e)
                {
                    texts.Add(e.ToString());
                }
                calls++;
            }
        }

        Assert.That(handler.SignedRequests, Is.GreaterThan(calls), "the calls were signed and reached the transport");
        Assert.That(handler.Signatures, Is.Not.Empty);
        string all = string.Join("\n", texts) + "\n" + string.Join("\n", log.Lines);
        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Not.Contain(Secret));
            Assert.That(all, Does.Not.Contain("signature="));
            Assert.That(all, Does.Not.Contain(ApiKey));
            foreach (string signature in handler.Signatures) Assert.That(all, Does.Not.Contain(signature));
        });
    }

    /// <summary>A transport that fails in turn: throws with the URL and key in the text, echoes the request, answers garbage.</summary>
    private sealed class HostileHandler : HttpMessageHandler
    {
        public enum Mode
        {
            ThrowsWithUrl,
            EchoUnauthorized,
            EchoServerError,
            Garbage,
            IoError,
        }

        public Mode Current { get; set; }

        public int SignedRequests { get; private set; }

        public HashSet<string> Signatures { get; } = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string url = request.RequestUri!.ToString();
            string headers = string.Join("; ", request.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value)));
            string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.Headers.TryGetValues("X-BAPI-SIGN", out var sign)) Signatures.UnionWith(sign);
            int at = url.IndexOf("signature=", StringComparison.Ordinal);
            if (at >= 0) Signatures.Add(url[(at + 10)..].Split('&')[0]);
            if (headers.Contains(ApiKey, StringComparison.Ordinal)) SignedRequests++;
            string echo = $"request {url} headers {headers} body {body}";
            return Current switch
            {
                Mode.ThrowsWithUrl => throw new HttpRequestException("connection refused: " + echo),
                Mode.IoError => throw new IOException("reset by peer while sending " + echo),
                Mode.EchoUnauthorized => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent(echo, Encoding.UTF8) },
                Mode.EchoServerError => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>" + echo + "</html>", Encoding.UTF8) },
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"retCode\":0,\"result\":{\"echo\":\"" + echo.Replace("\"", "'") + "\"", Encoding.UTF8) },
            };
        }
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
