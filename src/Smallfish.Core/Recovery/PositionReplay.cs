using Smallfish.Core.Brackets;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;

namespace Smallfish.Core.Recovery;

/// <summary>
/// Replays a symbol's fills on top of the position the journal last knew, the way the exchange nets them: fills on
/// the position's side grow it, the others reduce it. Each time it goes flat the round trip's result comes out, with
/// the same books (<see cref="RoundTrip"/>) the bracket manager keeps. What is left is the position the fills say is
/// open, with the fills since it opened.
/// </summary>
internal sealed class PositionReplay
{
    private readonly InstrumentSpec _spec;
    private readonly RoundTrip _trip = new();
    private readonly List<Fill> _fills = new();
    private long _initialStopTicks;
    private long _stopTicks;

    public PositionReplay(InstrumentSpec spec, KnownPosition? start)
    {
        _spec = spec;
        if (start is null) return;
        _initialStopTicks = start.InitialStopTicks;
        _stopTicks = start.StopTicks;
        Sequence = start.Sequence;
        foreach (var f in start.Fills) Apply(f);
    }

    /// <summary>The position the fills leave open (null when flat).</summary>
    public Position? Position { get; private set; }

    /// <summary>Fills since the open position opened, in order.</summary>
    public IReadOnlyList<Fill> Fills => _fills;

    /// <summary>Decision sequence of the entry that opened the position (-1 when unknown).</summary>
    public long Sequence { get; private set; } = -1;

    /// <summary>The first stop level the journal knew for the open position: what 1R was (0 when none).</summary>
    public long InitialStopTicks => Position is null ? 0 : _initialStopTicks;

    /// <summary>The stop level the journal last knew for the open position (0 when none).</summary>
    public long StopTicks => Position is null ? 0 : _stopTicks;

    /// <summary>Applies one fill; returns the round trip's result when it left the position flat.</summary>
    public TradeResult? Apply(in Fill fill)
    {
        var p = Position;
        if (p is null)
        {
            Open(fill, fill.QtyLots);
            return null;
        }
        if (fill.Side == p.Side)
        {
            long qty = p.QtyLots + fill.QtyLots;
            p.EntryPriceTicks = (p.EntryPriceTicks * p.QtyLots + (decimal)fill.PriceTicks * fill.QtyLots) / qty;
            p.QtyLots = qty;
            if (qty > p.InitialQtyLots) p.InitialQtyLots = qty;
            p.Fees += fill.Fee;
            p.Mark(fill.PriceTicks);
            _trip.AddEntry(fill.PriceTicks, fill.QtyLots);
            _fills.Add(fill);
            return null;
        }

        long lots = Math.Min(p.QtyLots, fill.QtyLots);
        _trip.AddExit(p, fill.PriceTicks, lots, _spec);
        _trip.Reason = ReasonOf(fill.ClientOrderId, p);
        p.Fees += fill.Fee * lots / fill.QtyLots;
        p.Mark(fill.PriceTicks);
        p.QtyLots -= lots;
        _fills.Add(fill with { QtyLots = lots });
        if (p.QtyLots > 0) return null;

        var result = _trip.ToResult(p, _spec, fill.TsNs);
        Position = null;
        _fills.Clear();
        _initialStopTicks = _stopTicks = 0;
        Sequence = -1;
        long rest = fill.QtyLots - lots;
        if (rest > 0) Open(fill with { QtyLots = rest, Fee = fill.Fee - fill.Fee * lots / fill.QtyLots }, rest);
        return result;
    }

    private void Open(in Fill fill, long lots)
    {
        var p = new Position(fill.Symbol, fill.Side, lots, fill.PriceTicks, fill.TsNs, 0) { Fees = fill.Fee };
        // 1R is the distance to the first stop; unknown (NaN R) when the journal never saw one.
        p.InitialStopTicks = _initialStopTicks > 0 ? _initialStopTicks : fill.PriceTicks;
        p.StopTicks = _stopTicks;
        Position = p;
        _trip.Reset();
        _trip.AddEntry(fill.PriceTicks, lots);
        _fills.Clear();
        _fills.Add(fill);
        if (Sequence < 0 && ClientOrderId.TryParse(fill.ClientOrderId, out var parts)) Sequence = parts.Sequence;
    }

    private static ExitReason ReasonOf(string clientOrderId, Position p)
    {
        if (!ClientOrderId.TryParse(clientOrderId, out var parts)) return ExitReason.Manual;
        return parts.Role switch
        {
            OrderRole.StopLoss => p.StopTicks > 0 && (p.StopTicks - p.EntryPriceTicks) * p.Side.Sign() >= 0 ? ExitReason.TrailingStop : ExitReason.StopLoss,
            OrderRole.TakeProfit or OrderRole.PartialTakeProfit => ExitReason.TakeProfit,
            _ => ExitReason.Manual,
        };
    }
}
