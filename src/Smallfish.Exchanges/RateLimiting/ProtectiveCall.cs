using Smallfish.Core.Domain;

namespace Smallfish.Exchanges.RateLimiting;

/// <summary>
/// Which order calls protect a position and so may pass a venue-imposed rate-limit block once per block window
/// (<see cref="RateLimitGate"/>): placing or amending a stop-loss, and a protective market exit. Both are known by the
/// role in the Smallfish client order id; a placement must also be reduce-only or close-position, so nothing that can
/// open or grow a position ever passes a block.
/// </summary>
public static class ProtectiveCall
{
    /// <summary>True for a reduce-only or close-position placement of role <see cref="OrderRole.StopLoss"/> or <see cref="OrderRole.Exit"/>.</summary>
    public static bool Is(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.ReduceOnly || request.ClosePosition) && IsProtectiveRole(request.Role);
    }

    /// <summary>True for a Smallfish client order id of a stop-loss or a protective exit (used for amends, which carry only the id).</summary>
    public static bool IsClientId(string? clientOrderId) =>
        clientOrderId is not null && ClientOrderId.TryParse(clientOrderId, out ClientOrderIdParts parts) && IsProtectiveRole(parts.Role);

    private static bool IsProtectiveRole(OrderRole role) => role is OrderRole.StopLoss or OrderRole.Exit;
}
