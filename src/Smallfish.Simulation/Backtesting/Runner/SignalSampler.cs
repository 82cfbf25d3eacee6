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
    private readonly IReadOnlyList<InstrumentSpec> _specs;
    private readonly SignalResearch[] _research;
    private IBacktestStrategy? _strategy;
    private SimulatedVenue? _venue;

    public SignalSampler(IReadOnlyList<InstrumentSpec> specs, SignalResearchOptions options)
    {
        _specs = specs;
        _research = new SignalResearch[specs.Count];
        for (int i = 0; i < _research.Length; i++) _research[i] = new SignalResearch(options);
    }

    /// <summary>Samples skipped (no evaluation yet, unusable book, quality gate failed).</summary>
    public long Skipped { get; private set; }

    /// <summary>Samples <paramref name="strategy"/> against <paramref name="venue"/> from now on (each session has its own).</summary>
    public void Attach(IBacktestStrategy strategy, SimulatedVenue venue)
    {
        _strategy = strategy;
        _venue = venue;
    }

    public void Sample(long nowNs)
    {
        for (int i = 0; i < _research.Length; i++)
        {
            var fusion = _strategy!.LastFusion(i);
            var book = _venue!.GetBook(_specs[i].Symbol);
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
