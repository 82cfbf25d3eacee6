using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Requests;
using Smallfish.Remote.Timing;

namespace Smallfish.Remote.Telegram.Client;

/// <summary>
/// <see cref="ITelegramClient"/> over <see cref="HttpClient"/> and System.Text.Json.
/// <list type="bullet">
/// <item>429 with <c>retry_after</c>: the whole bot is throttled, so every call waits until the flood window ends; the
/// throttled call waits exactly <c>retry_after</c> seconds (through <see cref="IAsyncDelay"/>) and retries.</item>
/// <item>Network errors, timeouts and 5xx: retried with jittered exponential backoff.</item>
/// <item>Everything else (400, 401, 403, 404, 409): thrown at once as <see cref="TelegramApiException"/>.</item>
/// </list>
/// The token sits in the URL path, so URLs are never logged and never put into exceptions. Socket timeouts use wall
/// time; scheduled waits use the injected <see cref="IAsyncDelay"/> and <see cref="TimeProvider"/>.
/// </summary>
public sealed class TelegramBotClient : ITelegramClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly TelegramBotOptions _options;
    private readonly TimeProvider _time;
    private readonly IAsyncDelay _delay;
    private readonly ILogger _logger;
    private readonly Random _jitter;
    private readonly TokenRedactor _redactor;
    private readonly BackoffPolicy _backoff;
    private readonly Uri _methodRoot;
    private readonly object _floodGate = new();
    private DateTimeOffset _floodUntil = DateTimeOffset.MinValue;

    /// <summary>Creates a client. <paramref name="jitter"/> defaults to <see cref="Random.Shared"/>.</summary>
    public TelegramBotClient(HttpClient httpClient, TelegramBotOptions options, TimeProvider time, IAsyncDelay delay,
        ILogger<TelegramBotClient> logger, Random? jitter = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _jitter = jitter ?? Random.Shared;
        if (string.IsNullOrWhiteSpace(options.BotToken)) throw new ArgumentException("Telegram bot token is not set", nameof(options));
        _redactor = new TokenRedactor(options.BotToken);
        _backoff = new BackoffPolicy(options.RetryBaseDelay, options.RetryMaxDelay);
        var root = options.ApiBaseAddress.AbsoluteUri;
        if (!root.EndsWith('/')) root += "/";
        // Built as one absolute string: as a relative reference, "bot123:ABC/" would parse as a URI with scheme "bot123".
        _methodRoot = new Uri(root + "bot" + options.BotToken + "/", UriKind.Absolute);
    }

    /// <inheritdoc />
    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        CallAsync("getMe", static () => null, TelegramJsonContext.Default.ApiResponseUser, _options.RequestTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<Update[]> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = TelegramRequestWriter.GetUpdates(request);
        var timeout = _options.RequestTimeout + TimeSpan.FromSeconds(Math.Max(0, request.TimeoutSeconds));
        return UsableAsync(CallAsync("getUpdates", () => Json(body), TelegramJsonContext.Default.ApiResponseUpdateArray, timeout, cancellationToken));
    }

    // The envelope parsed, but JSON null is legal where the code needs a value: a null update, a message whose chat is
    // null. Those are dropped here (they cannot be answered), so the poller and the router only see usable updates.
    private static async Task<Update[]> UsableAsync(Task<Update[]> call)
    {
        var updates = await call.ConfigureAwait(false);
        foreach (var u in updates)
        {
            if (u is null || u.Message is { Chat: null }) return Array.FindAll(updates, x => x is not null && x.Message is not { Chat: null });
        }
        return updates;
    }

    /// <inheritdoc />
    public Task<Message> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = TelegramRequestWriter.SendMessage(request);
        return CallAsync("sendMessage", () => Json(body), TelegramJsonContext.Default.ApiResponseMessage, _options.RequestTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Message> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync("sendPhoto", () => TelegramRequestWriter.SendPhoto(request), TelegramJsonContext.Default.ApiResponseMessage,
            _options.RequestTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> SetMyCommandsAsync(SetMyCommandsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = TelegramRequestWriter.SetMyCommands(request);
        return CallAsync("setMyCommands", () => Json(body), TelegramJsonContext.Default.ApiResponseBoolean, _options.RequestTimeout, cancellationToken);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private async Task<T> CallAsync<T>(string method, Func<HttpContent?> contentFactory, JsonTypeInfo<ApiResponse<T>> typeInfo,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        int transientFailures = 0, floodHits = 0;
        bool justWaitedForFlood = false;
        for (int attempt = 1; ; attempt++)
        {
            if (!justWaitedForFlood) await WaitForFloodWindowAsync(cancellationToken).ConfigureAwait(false);
            justWaitedForFlood = false;
            _logger.ApiCall(method, attempt);

            TelegramApiException failure;
            try
            {
                var response = await SendOnceAsync(method, contentFactory, typeInfo, timeout, cancellationToken).ConfigureAwait(false);
                if (response.Ok && response.Result is not null) return response.Result;
                failure = FromEnvelope(method, response);
            }
            catch (TelegramApiException e)
            {
                failure = e;
            }

            if (failure.Kind == TelegramErrorKind.FloodControl && failure.RetryAfterSeconds is int seconds && seconds > 0 && floodHits < _options.MaxFloodRetries)
            {
                floodHits++;
                var wait = TimeSpan.FromSeconds(seconds);
                lock (_floodGate)
                {
                    var until = _time.GetUtcNow() + wait;
                    if (until > _floodUntil) _floodUntil = until;
                }
                _logger.FloodControl(method, seconds, attempt + 1);
                await _delay.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                justWaitedForFlood = true;
                continue;
            }

            var retriable = failure.Kind is TelegramErrorKind.Network or TelegramErrorKind.ServerError
                || (failure.Kind == TelegramErrorKind.FloodControl && failure.RetryAfterSeconds is null);
            if (retriable && transientFailures < _options.MaxTransientRetries)
            {
                transientFailures++;
                var backoff = _backoff.Compute(transientFailures, _jitter.NextDouble());
                _logger.TransientFailure(method, failure.Kind, failure.ErrorCode, attempt + 1, (long)backoff.TotalMilliseconds);
                await _delay.DelayAsync(backoff, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _logger.ApiCallFailed(method, failure.Kind, failure.ErrorCode, failure.Description);
            throw failure;
        }
    }

    private async Task WaitForFloodWindowAsync(CancellationToken cancellationToken)
    {
        TimeSpan remaining;
        lock (_floodGate) remaining = _floodUntil - _time.GetUtcNow();
        if (remaining > TimeSpan.Zero) await _delay.DelayAsync(remaining, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiResponse<T>> SendOnceAsync<T>(string method, Func<HttpContent?> contentFactory,
        JsonTypeInfo<ApiResponse<T>> typeInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_methodRoot, method)) { Content = contentFactory() };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutCts.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeoutCts.Token).ConfigureAwait(false);
            try
            {
                var envelope = JsonSerializer.Deserialize(bytes, typeInfo);
                if (envelope is not null) return envelope;
            }
            catch (JsonException)
            {
                // Not an envelope: a proxy page, a truncated body. Classified below by status.
            }
            var status = (int)response.StatusCode;
            var kind = status >= 500 ? TelegramErrorKind.ServerError : TelegramErrorKind.InvalidResponse;
            throw new TelegramApiException(kind, method, $"Telegram {method}: HTTP {status} without a Bot API envelope", status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw Network(method, $"Telegram {method}: no answer within {timeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw Network(method, $"Telegram {method}: network error ({Describe(e)})", e);
        }
        catch (IOException e)
        {
            throw Network(method, $"Telegram {method}: connection error ({Describe(e)})", e);
        }
    }

    private TelegramApiException Network(string method, string message, Exception inner) =>
        // An inner exception is kept only if nothing in it mentions the token.
        new(TelegramErrorKind.Network, method, _redactor.Redact(message), innerException: _redactor.Contains(inner.ToString()) ? null : inner);

    private string Describe(Exception e)
    {
        var sb = new StringBuilder();
        sb.Append(e.GetType().Name);
        if (e is HttpRequestException { HttpRequestError: var error } && error != HttpRequestError.Unknown) sb.Append(' ').Append(error);
        if (e.InnerException is System.Net.Sockets.SocketException se) sb.Append(' ').Append(se.SocketErrorCode);
        return _redactor.Redact(sb.ToString());
    }

    private TelegramApiException FromEnvelope<T>(string method, ApiResponse<T> response)
    {
        var code = response.ErrorCode;
        var description = _redactor.Redact(response.Description ?? "");
        var kind = code switch
        {
            null when response.Ok => TelegramErrorKind.InvalidResponse,
            400 => TelegramErrorKind.BadRequest,
            401 => TelegramErrorKind.Unauthorized,
            403 => TelegramErrorKind.Forbidden,
            404 => TelegramErrorKind.NotFound,
            409 => TelegramErrorKind.Conflict,
            429 => TelegramErrorKind.FloodControl,
            >= 500 => TelegramErrorKind.ServerError,
            _ => TelegramErrorKind.Other,
        };
        var message = kind switch
        {
            TelegramErrorKind.Unauthorized => $"Telegram {method}: 401 Unauthorized: the bot token (bot***) is wrong or revoked",
            TelegramErrorKind.Conflict => $"Telegram {method}: 409 Conflict: another instance is polling this bot or a webhook is set ({description})",
            TelegramErrorKind.InvalidResponse => $"Telegram {method}: ok without a result",
            _ => $"Telegram {method}: {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {description}",
        };
        return new TelegramApiException(kind, method, message, code, description, response.Parameters?.RetryAfter,
            response.Parameters?.MigrateToChatId);
    }
}
