using System.Globalization;
using System.Text;
using Smallfish.Core.Domain;

namespace Smallfish.Core.Recovery;

/// <summary>
/// What <see cref="Engine.TradingEngine.Reconcile"/> found and did, for the service to log and journal: positions
/// adopted, stops placed or resized, orders adopted, cancelled or left alone, journal orders resolved, executions
/// and trades booked while the engine was down, and warnings.
/// </summary>
public sealed class ReconciliationReport
{
    internal ReconciliationReport(long run, long sequence)
    {
        Run = run;
        ResumedSequence = sequence;
    }

    /// <summary>The run the engine continues as.</summary>
    public long Run { get; }

    /// <summary>The decision sequence the engine continues above.</summary>
    public long ResumedSequence { get; }

    /// <summary>Positions found on the exchange and taken over.</summary>
    public IReadOnlyList<AdoptedPosition> AdoptedPositions => AdoptedList;

    /// <summary>Client ids of the stops placed because no live stop covered a position.</summary>
    public IReadOnlyList<string> StopsPlaced => StopsPlacedList;

    /// <summary>Client ids of adopted stops resized to the position.</summary>
    public IReadOnlyList<string> StopsResized => StopsResizedList;

    /// <summary>Client ids of the exchange's open Smallfish orders the engine now tracks (kept or being cancelled).</summary>
    public IReadOnlyList<string> OrdersAdopted => OrdersAdoptedList;

    /// <summary>Open orders cancelled, with the rule.</summary>
    public IReadOnlyList<CancelledOrder> OrdersCancelled => CancelledList;

    /// <summary>Open orders with a client id Smallfish did not make (left alone unless the policy cancels them).</summary>
    public IReadOnlyList<ExchangeOpenOrder> ForeignOrders => ForeignList;

    /// <summary>Journal orders the exchange no longer has, journaled as finished.</summary>
    public IReadOnlyList<ResolvedOrder> OrdersResolved => ResolvedList;

    /// <summary>Exchange executions of Smallfish's orders the journal had not booked (booked now, once).</summary>
    public IReadOnlyList<Fill> FillsBooked => FillsList;

    /// <summary>Round trips that closed while the engine was down (booked now: equity, day's counters, journal).</summary>
    public IReadOnlyList<TradeResult> TradesBooked => TradesList;

    /// <summary>Symbols whose position is being closed at market (stop level crossed, stop refused, kill switch flatten).</summary>
    public IReadOnlyList<string> ClosedAtMarket => ClosedList;

    /// <summary>Things a human should look at; nothing here stopped the reconciliation.</summary>
    public IReadOnlyList<string> Warnings => WarningsList;

    internal List<AdoptedPosition> AdoptedList { get; } = new();

    internal List<string> StopsPlacedList { get; } = new();

    internal List<string> StopsResizedList { get; } = new();

    internal List<string> OrdersAdoptedList { get; } = new();

    internal List<CancelledOrder> CancelledList { get; } = new();

    internal List<ExchangeOpenOrder> ForeignList { get; } = new();

    internal List<ResolvedOrder> ResolvedList { get; } = new();

    internal List<Fill> FillsList { get; } = new();

    internal List<TradeResult> TradesList { get; } = new();

    internal List<string> ClosedList { get; } = new();

    internal List<string> WarningsList { get; } = new();

    /// <summary>One line for the log and the journal.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"run {Run} (sequence > {ResumedSequence}): {AdoptedList.Count} position(s) adopted, {StopsPlacedList.Count} stop(s) placed, ");
        sb.Append(CultureInfo.InvariantCulture,
            $"{StopsResizedList.Count} resized, {OrdersAdoptedList.Count} order(s) adopted, {CancelledList.Count} cancelled, ");
        sb.Append(CultureInfo.InvariantCulture,
            $"{ForeignList.Count} foreign, {ResolvedList.Count} journal order(s) resolved, {FillsList.Count} fill(s) and {TradesList.Count} trade(s) booked, ");
        sb.Append(CultureInfo.InvariantCulture, $"{ClosedList.Count} closing at market, {WarningsList.Count} warning(s)");
        return sb.ToString();
    }
}
