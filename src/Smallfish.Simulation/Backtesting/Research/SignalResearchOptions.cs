using Smallfish.Core.Signals;

namespace Smallfish.Simulation.Backtesting.Research;

/// <summary>Settings of <see cref="SignalResearch"/>.</summary>
public sealed record SignalResearchOptions
{
    /// <summary>One second in ns.</summary>
    public const long Second = 1_000_000_000L;

    /// <summary>Forward-return horizons, ns, ascending and positive (default 1 s, 5 s, 30 s).</summary>
    public IReadOnlyList<long> HorizonsNs { get; init; } = [Second, 5 * Second, 30 * Second];

    /// <summary>Signal names, one per score column (default the 13 <see cref="SignalId"/> names in id order).</summary>
    public IReadOnlyList<string> SignalNames { get; init; } = DefaultNames();

    /// <summary>
    /// Most samples kept per horizon for the rank correlation. Past it, a uniform reservoir sample (Algorithm R with a
    /// seeded generator, so the same stream gives the same result) of this size stands in for the whole stream.
    /// </summary>
    public int ReservoirCapacity { get; init; } = 1 << 15;

    /// <summary>
    /// Most samples waiting for their longest horizon to elapse. Sample at a steady cadence (e.g. every 100 ms:
    /// 300 samples per 30 s) so that this never fills; a sample pushed out unresolved is counted as dropped.
    /// </summary>
    public int WindowCapacity { get; init; } = 1 << 15;

    /// <summary>Seed of the reservoir's generator.</summary>
    public ulong Seed { get; init; } = 0x5EEDF15Bu;

    private static string[] DefaultNames()
    {
        var names = new string[SignalIds.Count];
        for (int i = 0; i < names.Length; i++) names[i] = ((SignalId)i).Name();
        return names;
    }
}
