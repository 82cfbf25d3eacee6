using Smallfish.Core.Instruments;
using Smallfish.Simulation.Backtesting.Research;
using Smallfish.Simulation.Venue;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Feeds a <see cref="SignalResearch"/> per symbol from the strategy as it runs: at each sample time, the symbol's
/// latest fusion (the state in effect then) and the mid of the venue's book. Samples before the strategy has evaluated
/// anything, or while the book is not usable or the fusion's quality gate fails (cold features, invalid book), are
/// skipped and counted.
/// </summary>
internal sealed class SignalSampler
{
    private readonly IBacktestStrategy _strategy;
    private readonly SimulatedVenue _venue;
    private readonly IReadOnlyList<InstrumentSpec> _specs;
    private readonly SignalResearch[] _research;

    public SignalSampler(IBacktestStrategy strategy, SimulatedVenue venue, IReadOnlyList<InstrumentSpec> specs, SignalResearchOptions options)
    {
        _strategy = strategy;
        _venue = venue;
        _specs = specs;
        _research = new SignalResearch[specs.Count];
        for (int i = 0; i < _research.Length; i++) _research[i] = new SignalResearch(options);
    }

    /// <summary>Samples skipped (no evaluation yet, unusable book, quality gate failed).</summary>
    public long Skipped { get; private set; }

    public void Sample(long nowNs)
    {
        for (int i = 0; i < _research.Length; i++)
        {
            var fusion = _strategy.LastFusion(i);
            var book = _venue.GetBook(_specs[i].Symbol);
            if (fusion is null || fusion.TsNs == 0 || !fusion.QualityOk || !book.IsValid || !book.HasTwoSides)
            {
                Skipped++;
                continue;
            }
            _research[i].Add(nowNs, book.MidTicks, fusion.Scores, fusion.Active);
        }
    }

    public IReadOnlyList<SignalResearchResult> Complete() => Array.ConvertAll(_research, r => r.Complete());
}
