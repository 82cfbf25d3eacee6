using Smallfish.Core.Configuration;
using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals.Fusion;

/// <summary>
/// Fuses the per-signal scores already written into a <see cref="FusionResult"/> (its <see cref="FusionResult.Scores"/>
/// and <see cref="FusionResult.Active"/>) with the weights in use:
/// <list type="bullet">
/// <item>contribution_i = weight_i x score_i for an active signal, else 0; the fused score is their sum;</item>
/// <item>confidence = |fused score| / (sum of the active signals' weights), in [0, 1]: the weighted average score of the
/// active signals in the fused direction, 1 when every active signal is at full strength and agrees;</item>
/// <item>direction = the fused score's sign; agreeing and opposing = active signals of that sign and of the other;</item>
/// <item>an entry needs a direction, at least <see cref="FusionOptions.MinSignals"/> agreeing signals, confidence at or
/// above <see cref="FusionOptions.EnterConfidence"/> and the quality gate (<see cref="QualityGate"/>).</item>
/// </list>
/// Pure; allocates nothing.
/// </summary>
public static class SignalFusion
{
    /// <summary>Fills the fused fields of <paramref name="result"/> from its scores, its active flags and <paramref name="weights"/>.</summary>
    public static void Fuse(FusionResult result, ReadOnlySpan<double> weights, in MarketFeatures features, VolatilityRegime regime, FusionOptions options)
    {
        double fused = 0, activeWeight = 0;
        int active = 0;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            double w = weights[i];
            result.Weights[i] = w;
            if (result.Active[i] && w > 0)
            {
                double c = w * result.Scores[i];
                result.Contributions[i] = c;
                fused += c;
                activeWeight += w;
                active++;
            }
            else
            {
                result.Contributions[i] = 0;
                if (w <= 0) result.Active[i] = false; // a signal without weight does not take part
            }
        }

        int direction = fused > 0 ? 1 : fused < 0 ? -1 : 0;
        int agreeing = 0, opposing = 0;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            if (!result.Active[i]) continue;
            int sign = Math.Sign(result.Scores[i]);
            if (direction != 0 && sign == direction) agreeing++;
            else if (direction != 0 && sign == -direction) opposing++;
        }

        result.FusedScore = fused;
        result.ActiveWeight = activeWeight;
        result.Confidence = activeWeight > 0 ? Math.Min(1.0, Math.Abs(fused) / activeWeight) : 0.0;
        result.Direction = direction;
        result.ActiveCount = active;
        result.AgreeingCount = agreeing;
        result.Regime = (int)regime;
        result.Quality = QualityGate.Check(features, regime, active, agreeing, opposing, options);
        result.QualityOk = result.Quality == QualityIssues.None;
        result.WantsEntry = direction != 0 && agreeing >= options.MinSignals && result.Confidence >= options.EnterConfidence && result.QualityOk;
    }
}
