using Smallfish.Emulator.Faults;

namespace Smallfish.Emulator.Hosting;

/// <summary>One protocol's REST conventions: its routes, how it authenticates, and how it phrases failures.</summary>
internal interface IRestSurface
{
    /// <summary>Adds the protocol's routes.</summary>
    void Map(RestRouter router);

    /// <summary>Checks key, signature and timestamp window; null when the request may proceed, else the error answer.</summary>
    RestReply? Authenticate(RestRequest request, RestSecurity security);

    /// <summary>The answer for an injected server error.</summary>
    RestReply ServerError(RestRequest request, int status);

    /// <summary>The answer for an injected rate limit.</summary>
    RestReply RateLimited(RestRequest request, RestFault fault);

    /// <summary>The answer for a request whose parameters could not be read.</summary>
    RestReply BadRequest(RestRequest request, string message);

    /// <summary>Adds the protocol's per-answer headers (rate-limit counters).</summary>
    void Decorate(RestRequest request, RestReply reply);
}
