using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>What episodes need to know about the background when they draw their parameters.</summary>
/// <param name="Sizes">Base-quantity to lots conversions.</param>
/// <param name="SigmaTicksPerSqrtSecond">Background mid volatility: the unit moves are sized in.</param>
/// <param name="MaxTradeQty">Largest background print in base quantity.</param>
internal sealed record EpisodeContext(SizeModel Sizes, double SigmaTicksPerSqrtSecond, double MaxTradeQty);
