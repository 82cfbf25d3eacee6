namespace Smallfish.Exchanges.Http;

/// <summary>An HTTP answer (or the lack of one) with the local send/receive times used for clock sync.</summary>
internal sealed class RestResponse
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public RestResponse(int statusCode, string body, IReadOnlyDictionary<string, string> headers, long sentMs, long receivedMs)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers;
        SentMs = sentMs;
        ReceivedMs = receivedMs;
    }

    private RestResponse(RestFailure failure, string message, long sentMs, long receivedMs)
    {
        Failure = failure;
        FailureMessage = message;
        Body = "";
        Headers = NoHeaders;
        SentMs = sentMs;
        ReceivedMs = receivedMs;
    }

    public int StatusCode { get; }

    public string Body { get; }

    /// <summary>Response headers, first value each, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public RestFailure Failure { get; }

    public string? FailureMessage { get; }

    public long SentMs { get; }

    public long ReceivedMs { get; }

    public bool IsHttpSuccess => Failure == RestFailure.None && StatusCode is >= 200 and < 300;

    public static RestResponse NoAnswer(RestFailure failure, string message, long sentMs, long receivedMs) => new(failure, message, sentMs, receivedMs);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
