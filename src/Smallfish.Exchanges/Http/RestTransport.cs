using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Logging;

namespace Smallfish.Exchanges.Http;

/// <summary>
/// Sends one HTTP request with a timeout from the injected clock and turns every transport failure into a
/// <see cref="RestResponse"/> (never an exception, except the caller's own cancellation).
/// </summary>
internal sealed class RestTransport
{
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly ILogger _log;
    private readonly string _exchange;

    public RestTransport(HttpClient http, TimeProvider clock, TimeSpan timeout, ILogger log, string exchange)
    {
        _http = http;
        _clock = clock;
        _timeout = timeout;
        _log = log;
        _exchange = exchange;
    }

    public async Task<RestResponse> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        long sent = _clock.GetUnixTimeMs();
        using var timeout = new CancellationTokenSource(_timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        string path = request.RequestUri?.AbsolutePath ?? "";
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Headers) headers[h.Key] = h.Value.FirstOrDefault() ?? "";
            foreach (var h in response.Content.Headers) headers[h.Key] = h.Value.FirstOrDefault() ?? "";
            return new RestResponse((int)response.StatusCode, body, headers, sent, _clock.GetUnixTimeMs());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            long now = _clock.GetUnixTimeMs();
            RestLog.NoAnswer(_log, _exchange, request.Method.Method, path, "timeout", now - sent);
            return RestResponse.NoAnswer(RestFailure.Timeout, $"no answer within {(long)_timeout.TotalMilliseconds} ms", sent, now);
        }
        catch (HttpRequestException ex)
        {
            long now = _clock.GetUnixTimeMs();
            string kind = ex.HttpRequestError.ToString();
            RestLog.NoAnswer(_log, _exchange, request.Method.Method, path, kind, now - sent);
            return RestResponse.NoAnswer(RestFailure.Network, "connection failed: " + kind, sent, now);
        }
        catch (IOException)
        {
            long now = _clock.GetUnixTimeMs();
            RestLog.NoAnswer(_log, _exchange, request.Method.Method, path, "io", now - sent);
            return RestResponse.NoAnswer(RestFailure.Network, "connection failed: io", sent, now);
        }
    }
}
