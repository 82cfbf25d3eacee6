namespace Smallfish.Core.Signals;

/// <summary>
/// The fused view of all signals for one symbol at one moment, explainable: each signal's score, whether it was
/// active, its weight and its contribution. A reusable buffer (fixed arrays), refilled on every evaluation; copy it
/// (<see cref="CopyTo"/>) to keep it.
/// </summary>
public sealed class FusionResult
{
    /// <summary>Direction-signed score of each signal in [-1, 1], indexed by <see cref="SignalId"/>.</summary>
    public readonly double[] Scores = new double[SignalIds.Count];

    /// <summary>Whether each signal was active (above its activation threshold).</summary>
    public readonly bool[] Active = new bool[SignalIds.Count];

    /// <summary>Weight used for each signal (after adaptation and renormalization).</summary>
    public readonly double[] Weights = new double[SignalIds.Count];

    /// <summary>Each signal's signed contribution to the fused score (weight x score when active, else 0).</summary>
    public readonly double[] Contributions = new double[SignalIds.Count];

    /// <summary>Time of the evaluation, ns.</summary>
    public long TsNs;

    /// <summary>+1 buy, -1 sell, 0 none.</summary>
    public int Direction;

    /// <summary>Directional confidence in [0, 1]: |<see cref="FusedScore"/>| / <see cref="ActiveWeight"/> (0 with no active signal).</summary>
    public double Confidence;

    /// <summary>The signed fused score: the sum of <see cref="Contributions"/> (weight x score over the active signals).</summary>
    public double FusedScore;

    /// <summary>Sum of the weights of the active signals.</summary>
    public double ActiveWeight;

    /// <summary>Number of active signals.</summary>
    public int ActiveCount;

    /// <summary>Number of active signals agreeing with <see cref="Direction"/>.</summary>
    public int AgreeingCount;

    /// <summary>True when the quality gate passed (e.g. regime not extreme, enough data, book valid).</summary>
    public bool QualityOk;

    /// <summary>Why the quality gate failed (<see cref="QualityIssues.None"/> when it passed).</summary>
    public QualityIssues Quality;

    /// <summary>True when the profile's entry rule is met: direction set, agreeing >= min signals, confidence >= C_enter, quality ok.</summary>
    public bool WantsEntry;

    /// <summary>Volatility regime: 0 low, 1 normal, 2 high, 3 extreme.</summary>
    public int Regime;

    /// <summary>Copies every field into <paramref name="target"/>.</summary>
    public void CopyTo(FusionResult target)
    {
        Array.Copy(Scores, target.Scores, Scores.Length);
        Array.Copy(Active, target.Active, Active.Length);
        Array.Copy(Weights, target.Weights, Weights.Length);
        Array.Copy(Contributions, target.Contributions, Contributions.Length);
        target.TsNs = TsNs;
        target.Direction = Direction;
        target.Confidence = Confidence;
        target.FusedScore = FusedScore;
        target.ActiveWeight = ActiveWeight;
        target.Quality = Quality;
        target.ActiveCount = ActiveCount;
        target.AgreeingCount = AgreeingCount;
        target.QualityOk = QualityOk;
        target.WantsEntry = WantsEntry;
        target.Regime = Regime;
    }
}
