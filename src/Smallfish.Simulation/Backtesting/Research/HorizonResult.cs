namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>How one signal's score related to the mid-price move over one horizon.</summary>
/// <param name="HorizonNs">The horizon, ns.</param>
/// <param name="Label">Short label used in report keys, e.g. "1s", "500ms".</param>
/// <param name="Ic">Information coefficient: Spearman correlation of the score with the forward log return; NaN when undefined.</param>
/// <param name="IcSamples">Samples the correlation was computed on (capped by the reservoir).</param>
/// <param name="HitRate">
/// Among samples where the signal was active with a non-zero score and the mid moved, the fraction whose score sign
/// agreed with the move's sign; NaN when there was none.
/// </param>
/// <param name="HitSamples">Samples counted in <paramref name="HitRate"/> (exact, not sampled).</param>
public sealed record HorizonResult(long HorizonNs, string Label, double Ic, long IcSamples, double HitRate, long HitSamples)
{
    /// <summary>Formats a horizon as a short label: whole seconds as "Ns", whole milliseconds as "Nms", else "Nns".</summary>
    public static string LabelOf(long horizonNs) =>
        horizonNs % 1_000_000_000L == 0 ? (horizonNs / 1_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture) + "s"
        : horizonNs % 1_000_000L == 0 ? (horizonNs / 1_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms"
        : horizonNs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "ns";
}
