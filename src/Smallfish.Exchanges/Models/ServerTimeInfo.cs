namespace Smallfish.Exchanges.Models;

/// <summary>A server-time measurement.</summary>
/// <param name="ServerTimeMs">The venue's time, ms since the Unix epoch.</param>
/// <param name="OffsetMs">Server time minus local time at the midpoint of the round trip.</param>
/// <param name="RoundTripMs">Round-trip time of the measurement.</param>
public sealed record ServerTimeInfo(long ServerTimeMs, long OffsetMs, long RoundTripMs);
