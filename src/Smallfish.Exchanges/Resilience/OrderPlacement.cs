using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Resilience;

/// <summary>
/// Placement without doubling. A create whose outcome is unknown (timeout, 5xx, venue timeout code) or that the venue
/// calls a duplicate client id is followed by a lookup of that client id: found means the first attempt reached the
/// venue and that order is returned; a second create is sent only when the lookup positively says the order does not
/// exist, and never more than once. When the lookup itself fails, the unknown outcome is returned to the caller.
/// </summary>
internal static class OrderPlacement
{
    public static async Task<ExchangeResult<ExchangeOrder>> PlaceAsync(
        string exchange,
        string clientOrderId,
        Func<CancellationToken, Task<ExchangeResult<ExchangeOrder>>> create,
        Func<CancellationToken, Task<ExchangeResult<ExchangeOrder>>> lookup,
        ILogger log,
        CancellationToken ct)
    {
        var first = await create(ct).ConfigureAwait(false);
        if (first.Success || !NeedsLookup(first.Error)) return first;

        RestLog.PlacementUnknown(log, exchange, clientOrderId, first.Error.Message);
        var found = await lookup(ct).ConfigureAwait(false);
        if (found.Success)
        {
            RestLog.PlacementRecovered(log, exchange, clientOrderId, found.Data.Status.ToString());
            return found;
        }
        if (found.RejectReason != RejectReason.OrderNotFound || first.RejectReason == RejectReason.DuplicateClientOrderId)
        {
            return first; // cannot prove the first attempt never arrived: do not send again
        }

        RestLog.PlacementResent(log, exchange, clientOrderId);
        var second = await create(ct).ConfigureAwait(false);
        if (second.Success || !NeedsLookup(second.Error)) return second;
        var again = await lookup(ct).ConfigureAwait(false);
        return again.Success ? again : second;
    }

    private static bool NeedsLookup(ExchangeError error) =>
        error.OutcomeUnknown || error.Reject == RejectReason.DuplicateClientOrderId;
}
