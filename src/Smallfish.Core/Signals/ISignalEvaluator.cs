using Smallfish.Core.MarketData.Features;

namespace Smallfish.Core.Signals;

/// <summary>
/// Scores the thirteen signals over a symbol's features and fuses them into one explainable result. Implementations
/// keep per-symbol state (signal memory, adaptive-weight edge tracking, which watches the features' mid price to learn
/// whether each signal's direction was right), are deterministic, and allocate nothing per call in steady state.
/// </summary>
public interface ISignalEvaluator
{
    /// <summary>
    /// Evaluates every signal and the fusion for <paramref name="symbolId"/> at <paramref name="nowNs"/>, writing into
    /// <paramref name="result"/> (a reusable buffer owned by the caller).
    /// </summary>
    void Evaluate(int symbolId, in MarketFeatures features, long nowNs, FusionResult result);
}
