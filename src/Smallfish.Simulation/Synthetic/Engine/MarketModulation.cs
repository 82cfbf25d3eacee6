namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// How the active episode bends the background processes (1 = unchanged). Only one episode runs at a time, so one
/// instance is enough; the episode sets it in its Begin and <see cref="Reset"/> restores plain noise.
/// </summary>
internal sealed class MarketModulation
{
    /// <summary>Multiplier of the mid-jump rate.</summary>
    public double JumpRate = 1;

    /// <summary>Multiplier of jump sizes.</summary>
    public double JumpSize = 1;

    /// <summary>Probability that a jump goes up.</summary>
    public double UpJumpProbability = 0.5;

    /// <summary>Multiplier of the background taker-order rate.</summary>
    public double TakerRate = 1;

    /// <summary>Probability that a background taker order buys.</summary>
    public double BuyProbability = 0.5;

    /// <summary>Multiplier of near-touch add rates, [0] bids, [1] asks.</summary>
    public readonly double[] AddRate = [1, 1];

    /// <summary>Multiplier of near-touch cancel rates, [0] bids, [1] asks.</summary>
    public readonly double[] CancelRate = [1, 1];

    /// <summary>Multiplier of the size makers show when they re-quote (new touch, refilled gaps), [0] bids, [1] asks.</summary>
    public readonly double[] QuoteSize = [1, 1];

    /// <summary>True for a side whose best price makers must not improve into a wide spread, [0] bids, [1] asks.</summary>
    public readonly bool[] NoImprove = [false, false];

    /// <summary>Restores plain-noise behaviour.</summary>
    public void Reset()
    {
        JumpRate = JumpSize = TakerRate = 1;
        UpJumpProbability = BuyProbability = 0.5;
        AddRate[0] = AddRate[1] = CancelRate[0] = CancelRate[1] = QuoteSize[0] = QuoteSize[1] = 1;
        NoImprove[0] = NoImprove[1] = false;
    }

    /// <summary>Sets the jump bias so jumps go toward <paramref name="direction"/> (+1 up, -1 down) with probability <paramref name="p"/>.</summary>
    public void BiasJumps(int direction, double p) => UpJumpProbability = direction > 0 ? p : 1 - p;

    /// <summary>Sets the taker side bias so orders go toward <paramref name="direction"/> (+1 buy) with probability <paramref name="p"/>.</summary>
    public void BiasTakers(int direction, double p) => BuyProbability = direction > 0 ? p : 1 - p;
}
