using System.Text.Json;
using Smallfish.Exchanges.RateLimiting;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Http;

/// <summary>What differs between venues in the REST plumbing: signing, response envelopes, rate-limit headers.</summary>
internal interface IVenueProtocol
{
    /// <summary>Venue name for logs.</summary>
    string Name { get; }

    /// <summary>The server-time request.</summary>
    RestCall ServerTimeCall { get; }

    /// <summary>Reads the server time (ms) from the server-time answer's payload.</summary>
    long ParseServerTime(JsonElement payload);

    /// <summary>Builds the HTTP request, signed with <paramref name="timestampMs"/> when the call is signed.</summary>
    HttpRequestMessage Build(RestCall call, long timestampMs);

    /// <summary>Turns an answer into a result: envelope and error code handling, then <paramref name="parse"/> on the payload.</summary>
    ExchangeResult<T> Interpret<T>(RestResponse response, Func<JsonElement, T> parse);

    /// <summary>Updates the gate from rate-limit headers and rate-limit answers.</summary>
    void ObserveRateLimits(RestCall call, RestResponse response, IExchangeResult result, RateLimitGate gate, ServerClock clock);
}
