using Smallfish.Core.Risk;

namespace Smallfish.Core.Journal;

/// <summary>
/// One entry decision: what fusion wanted, with every signal's score and weight, and what the gates said.
/// </summary>
/// <param name="TsNs">Decision time, ns.</param>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Sequence">The engine's decision counter (also part of the client order ids it leads to).</param>
/// <param name="Direction">+1 buy, -1 sell, 0 none.</param>
/// <param name="Confidence">Fused confidence in [0, 1].</param>
/// <param name="ActiveCount">Active signals.</param>
/// <param name="AgreeingCount">Active signals agreeing with the direction.</param>
/// <param name="Scores">Signal scores indexed by SignalId (13 values).</param>
/// <param name="Weights">Signal weights indexed by SignalId (13 values).</param>
/// <param name="Gate">Gate outcome.</param>
/// <param name="Action">What the engine did: "enter", "blocked", "skip".</param>
/// <param name="PriceTicks">Intended entry price in ticks (0 when none).</param>
/// <param name="QtyLots">Intended size in lots (0 when none).</param>
public sealed record DecisionRecord(
    long TsNs,
    string Symbol,
    long Sequence,
    int Direction,
    double Confidence,
    int ActiveCount,
    int AgreeingCount,
    double[] Scores,
    double[] Weights,
    GateReason Gate,
    string Action,
    long PriceTicks,
    long QtyLots);
