namespace Smallfish.Emulator;

/// <summary>One REST request the emulator answered (or held).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the query.</param>
/// <param name="Status">HTTP status of the answer (404 for an unknown route).</param>
/// <param name="ArrivedMs">Server time of arrival, ms.</param>
public sealed record EmulatorRequest(string Method, string Path, int Status, long ArrivedMs);
