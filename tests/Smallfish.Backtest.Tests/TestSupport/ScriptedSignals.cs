using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>
/// TEST DOUBLE, not the signal engine: a fixed script in place of the 13 signals, so the real trading engine can be
/// driven through the backtest seam before the signal engine is in the build. It wants a long entry during even
/// minutes of exchange time and a short one during odd minutes, with a fixed confidence, whenever the features are warm
/// and the book valid; every score is the direction times 0.5.
/// </summary>
internal sealed class ScriptedSignals : ISignalEvaluator
{
    public void Evaluate(int symbolId, in MarketFeatures features, long nowNs, FusionResult result)
    {
        int direction = (nowNs / 60_000_000_000L) % 2 == 0 ? 1 : -1;
        bool ready = features.IsWarm && features.IsBookValid;
        result.TsNs = nowNs;
        result.Direction = ready ? direction : 0;
        result.Confidence = ready ? 0.9 : 0;
        result.ActiveCount = ready ? 6 : 0;
        result.AgreeingCount = result.ActiveCount;
        result.QualityOk = ready;
        result.WantsEntry = ready;
        result.Regime = 1;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            result.Scores[i] = ready ? 0.5 * direction : 0;
            result.Active[i] = ready;
            result.Weights[i] = 1.0 / SignalIds.Count;
            result.Contributions[i] = result.Weights[i] * result.Scores[i];
        }
    }
}
