using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Funding;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>
/// Settles funding at each symbol's funding times, as a source on the timeline so a settlement happens at its exact
/// time, between the commands and market events around it. A symbol's first funding time is set by its first market
/// event; later ones come from the stream's announced times or the model's schedule.
/// </summary>
internal sealed class FundingSettler : ITimedSource
{
    private readonly VenueState _state;
    private readonly ExecutionRecorder _recorder;
    private readonly SimulationTimeline _timeline;
    private readonly FundingModel _model;

    public FundingSettler(VenueState state, ExecutionRecorder recorder, SimulationTimeline timeline)
    {
        _state = state;
        _recorder = recorder;
        _timeline = timeline;
        _model = state.Options.Funding;
        timeline.Register(this);
    }

    /// <summary>Starts the symbol's funding schedule at its first market event.</summary>
    public void OnMarketEvent(VenueSymbol symbol, long tsNs)
    {
        if (symbol.NextFundingNs == 0) Schedule(symbol, _model.Schedule.NextAfter(tsNs));
    }

    /// <summary>Takes the funding rate, mark price and announced funding time from a ticker.</summary>
    public void OnTicker(VenueSymbol symbol, in TickerEvent ticker)
    {
        if (double.IsFinite(ticker.FundingRate)) symbol.FundingRate = (decimal)ticker.FundingRate;
        if (double.IsFinite(ticker.MarkPrice) && ticker.MarkPrice > 0) symbol.MarkPrice = (decimal)ticker.MarkPrice;
        long next = ticker.NextFundingTimeNs;
        if (_model.UseStreamTimes && next > 0 && next > symbol.LastFundingNs && next != symbol.NextFundingNs) Schedule(symbol, next);
        else OnMarketEvent(symbol, ticker.ExchTsNs);
    }

    public bool TryPeek(out EventKey key)
    {
        var next = Next();
        key = next is null ? default : new EventKey(next.NextFundingNs, next.NextFundingSequence);
        return next is not null;
    }

    public void ReleaseNext()
    {
        var symbol = Next()!;
        long at = symbol.NextFundingNs;
        Settle(symbol, at);
        symbol.LastFundingNs = at;
        Schedule(symbol, _model.Schedule.NextAfter(at));
    }

    private void Settle(VenueSymbol symbol, long atNs)
    {
        long lots = symbol.Position.NetLots;
        decimal rate = symbol.FundingRate ?? _model.DefaultRate;
        if (lots == 0 || rate == 0) return;
        decimal mark = symbol.ValuationPrice();
        if (mark <= 0) return;
        decimal amount = FundingModel.Payment(symbol.Spec, lots, mark, rate);
        _recorder.Funding(symbol, new FundingPayment(symbol.Name, lots, mark, rate, amount, atNs));
    }

    private void Schedule(VenueSymbol symbol, long atNs)
    {
        symbol.NextFundingNs = atNs;
        symbol.NextFundingSequence = _timeline.NextKey(atNs).Sequence;
    }

    private VenueSymbol? Next()
    {
        VenueSymbol? best = null;
        foreach (var s in _state.Symbols)
        {
            if (s.NextFundingNs == 0) continue;
            if (best is null || s.NextFundingNs < best.NextFundingNs
                || (s.NextFundingNs == best.NextFundingNs && s.NextFundingSequence < best.NextFundingSequence)) best = s;
        }
        return best;
    }
}
