namespace Smallfish.Emulator.Hosting;

/// <summary>A REST route: security and a synchronous handler (the venue does not wait on anything).</summary>
/// <param name="Security">What the request must carry.</param>
/// <param name="Handler">Produces the answer.</param>
internal sealed record RestEndpoint(RestSecurity Security, Func<RestRequest, RestReply> Handler);
