namespace Smallfish.Simulation.Synthetic;

/// <summary>
/// Metadata that travels with every synthetic stream so it can never pass for market data: reports, journals and
/// status output should carry <see cref="Label"/> wherever they name the data source.
/// </summary>
/// <param name="Symbol">Symbol of the instrument grid used.</param>
/// <param name="Seed">The seed that reproduces the stream.</param>
/// <param name="StartNs">Exchange time of the opening snapshot, ns.</param>
/// <param name="EndNs">Exchange time the stream stops, ns.</param>
/// <param name="EpisodeCount">Injected episodes (Noise stretches not counted).</param>
public sealed record SyntheticStreamInfo(string Symbol, long Seed, long StartNs, long EndNs, int EpisodeCount)
{
    /// <summary>The marker every synthetic source carries.</summary>
    public const string SyntheticLabel = "SYNTHETIC";

    /// <summary>Version of the generator's model; bump it whenever the same seed would produce a different stream.</summary>
    public const int GeneratorVersion = 2;

    /// <summary>Always true: this data was generated, not recorded.</summary>
    public bool IsSynthetic => true;

    /// <summary>Short marker for source names and report headers: "SYNTHETIC".</summary>
    public string Label => SyntheticLabel;

    /// <summary>One line for humans, e.g. "SYNTHETIC BTCUSDT seed 7 (Smallfish generator v1): generated, not market data".</summary>
    public string Description =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{SyntheticLabel} {Symbol} seed {Seed} (Smallfish generator v{GeneratorVersion}): generated, not market data");
}
