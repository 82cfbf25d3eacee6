namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// Independent random sub-streams of one seed, so that changing one part of the options (say, the latency) does not
/// shift the draws of another (the market path).
/// </summary>
internal static class SyntheticStreams
{
    public const ulong Market = 1;
    public const ulong Flow = 2;
    public const ulong Schedule = 3;
    public const ulong Latency = 4;
    public const ulong Ticker = 5;
    public const ulong Plan = 6;
    public const ulong EpisodeBase = 1_000;
}
