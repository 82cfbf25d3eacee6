using System.Collections.Concurrent;
using Smallfish.Simulation.Synthetic;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>Generates and records streams once per configuration, shared by the tests that read them.</summary>
internal static class SyntheticRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<SyntheticRun>> Cache = new();

    /// <summary>Every kind, default spacing: the stream a demo would get.</summary>
    public static SyntheticRun AllKinds(long seed) =>
        Get($"all/{seed}", () => new SyntheticMarketOptions { Seed = seed, Duration = TimeSpan.FromMinutes(20) });

    /// <summary>Background only.</summary>
    public static SyntheticRun NoiseOnly(long seed) =>
        Get($"noise/{seed}", () => new SyntheticMarketOptions
        {
            Seed = seed,
            Duration = TimeSpan.FromMinutes(10),
            Episodes = new SyntheticEpisodeOptions { Kinds = [] },
        });

    /// <summary>One kind only, densely packed (short gaps) so a few minutes hold several episodes.</summary>
    public static SyntheticRun OneKind(EpisodeKind kind, long seed, int minutes = 5) =>
        Get($"{kind}/{seed}/{minutes}", () => new SyntheticMarketOptions
        {
            Seed = seed,
            Duration = TimeSpan.FromMinutes(minutes),
            Episodes = new SyntheticEpisodeOptions
            {
                Kinds = [kind],
                FirstStart = TimeSpan.FromSeconds(20),
                MinGap = TimeSpan.FromSeconds(12),
                MaxGap = TimeSpan.FromSeconds(20),
            },
        });

    public static SyntheticRun Record(SyntheticMarketOptions options)
    {
        var generator = new SyntheticMarketGenerator(options);
        var recorder = new SyntheticStreamRecorder(options.Instrument);
        generator.Run(recorder);
        return new SyntheticRun(generator, recorder);
    }

    private static SyntheticRun Get(string key, Func<SyntheticMarketOptions> options) =>
        Cache.GetOrAdd(key, _ => new Lazy<SyntheticRun>(() => Record(options()))).Value;
}

/// <summary>A generated stream and what the recorder saw of it.</summary>
internal sealed record SyntheticRun(SyntheticMarketGenerator Generator, SyntheticStreamRecorder Recorder)
{
    public IReadOnlyList<EpisodeLabel> Labels => Generator.Labels;

    public IEnumerable<EpisodeLabel> Episodes(EpisodeKind kind) => Labels.Where(l => l.Kind == kind);

    public IEnumerable<EpisodeLabel> Noise => Labels.Where(l => l.Kind == EpisodeKind.Noise);

    public double Lots(double qty) => qty / (double)Generator.Options.Instrument.QtyStep;

    public double Qty(long lots) => lots * (double)Generator.Options.Instrument.QtyStep;
}
