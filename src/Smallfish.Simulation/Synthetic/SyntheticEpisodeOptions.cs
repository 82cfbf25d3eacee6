namespace Smallfish.Simulation.Synthetic;

/// <summary>Which episodes are injected, how often, and how strong.</summary>
public sealed record SyntheticEpisodeOptions
{
    /// <summary>
    /// Kinds to inject. They are drawn from a shuffled bag, so every listed kind appears once before any repeats.
    /// Empty = a plain-noise stream. Defaults to every kind in <see cref="EpisodeKinds.All"/>.
    /// </summary>
    public IReadOnlyList<EpisodeKind> Kinds { get; init; } = EpisodeKinds.All;

    /// <summary>Most episodes to inject; null = as many as fit in the duration.</summary>
    public int? MaxCount { get; init; }

    /// <summary>Quiet time before the first episode (lets the background settle and gives detectors a warm-up).</summary>
    public TimeSpan FirstStart { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest quiet gap between one episode's end and the next one's start.</summary>
    public TimeSpan MinGap { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest quiet gap between episodes.</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Strength multiplier for every episode (sizes, moves, rates); 1 = default.</summary>
    public double Intensity { get; init; } = 1.0;

    /// <summary>Per-kind strength multipliers applied on top of <see cref="Intensity"/>.</summary>
    public IReadOnlyDictionary<EpisodeKind, double>? KindIntensity { get; init; }

    /// <summary>Time trimmed from each side of a quiet gap before it is labeled <see cref="EpisodeKind.Noise"/> (after-effects).</summary>
    public TimeSpan NoiseGuard { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet stretches shorter than this (after trimming) get no Noise label.</summary>
    public TimeSpan MinNoiseLength { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The strength an episode of <paramref name="kind"/> is built with.</summary>
    public double IntensityFor(EpisodeKind kind) =>
        Intensity * (KindIntensity is not null && KindIntensity.TryGetValue(kind, out var k) ? k : 1.0);

    internal void Validate(List<string> errors)
    {
        foreach (var k in Kinds)
        {
            if (k == EpisodeKind.Noise || !Enum.IsDefined(k)) errors.Add($"Episodes.{nameof(Kinds)} contains {k}: not an injectable kind");
        }
        if (MaxCount is < 0) errors.Add($"Episodes.{nameof(MaxCount)} = {MaxCount}: must be >= 0");
        if (FirstStart < TimeSpan.Zero) errors.Add($"Episodes.{nameof(FirstStart)} = {FirstStart}: must be >= 0");
        if (MinGap < TimeSpan.Zero) errors.Add($"Episodes.{nameof(MinGap)} = {MinGap}: must be >= 0");
        if (MaxGap < MinGap) errors.Add($"Episodes.{nameof(MaxGap)} = {MaxGap}: must be >= MinGap ({MinGap})");
        if (!(Intensity > 0 && Intensity <= 20)) errors.Add($"Episodes.{nameof(Intensity)} = {Intensity}: must be in (0, 20]");
        if (KindIntensity is not null)
        {
            foreach (var (k, v) in KindIntensity)
            {
                if (!(v > 0 && v <= 20)) errors.Add($"Episodes.{nameof(KindIntensity)}[{k}] = {v}: must be in (0, 20]");
            }
        }
        if (NoiseGuard < TimeSpan.Zero) errors.Add($"Episodes.{nameof(NoiseGuard)} = {NoiseGuard}: must be >= 0");
        if (MinNoiseLength < TimeSpan.Zero) errors.Add($"Episodes.{nameof(MinNoiseLength)} = {MinNoiseLength}: must be >= 0");
    }
}
