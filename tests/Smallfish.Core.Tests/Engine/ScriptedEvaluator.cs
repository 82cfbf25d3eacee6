using Smallfish.Core.MarketData.Features;
using Smallfish.Core.Signals;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// A stand-in for the real signals and fusion: returns whatever the scenario sets (direction, confidence, whether the
/// entry rule is met), per symbol. Deterministic; counts its calls.
/// </summary>
internal sealed class ScriptedEvaluator : ISignalEvaluator
{
    private readonly (int Direction, double Confidence, bool Wants)[] _state;

    public ScriptedEvaluator(int symbols = 1) => _state = new (int, double, bool)[symbols];

    public long Calls { get; private set; }

    /// <summary>Fusion wants an entry on <paramref name="direction"/> (+1 buy, -1 sell) with this confidence.</summary>
    public void Want(int direction, double confidence = 0.8, int symbolId = 0) => _state[symbolId] = (direction, confidence, true);

    /// <summary>Fusion keeps the direction but no longer wants an entry (confidence as given).</summary>
    public void Hold(int direction, double confidence, int symbolId = 0) => _state[symbolId] = (direction, confidence, false);

    /// <summary>Nothing: no direction, no confidence.</summary>
    public void Quiet(int symbolId = 0) => _state[symbolId] = (0, 0, false);

    public void Evaluate(int symbolId, in MarketFeatures features, long nowNs, FusionResult result)
    {
        Calls++;
        var (direction, confidence, wants) = _state[symbolId];
        result.TsNs = nowNs;
        result.Direction = direction;
        result.Confidence = confidence;
        result.ActiveCount = direction == 0 ? 0 : 5;
        result.AgreeingCount = result.ActiveCount;
        result.QualityOk = true;
        result.WantsEntry = wants && direction != 0;
        result.Regime = 1;
        for (int i = 0; i < SignalIds.Count; i++)
        {
            result.Scores[i] = direction * confidence;
            result.Active[i] = direction != 0;
            result.Weights[i] = 1.0 / SignalIds.Count;
            result.Contributions[i] = result.Weights[i] * result.Scores[i];
        }
    }
}
