namespace Smallfish.Core.Configuration;

/// <summary>The mainnet and testnet addresses of one exchange.</summary>
public sealed class VenueEndpointsOptions
{
    /// <summary>Real-money environment.</summary>
    public EndpointOptions Mainnet { get; set; } = new();

    /// <summary>Test environment.</summary>
    public EndpointOptions Testnet { get; set; } = new();
}
