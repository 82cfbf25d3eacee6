using System.Globalization;

namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>
/// How much to fuzz. By default every target runs its CI budget (a few hundred to a few thousand inputs, seconds in
/// all). <c>SMALLFISH_FUZZ_ITERATIONS=N</c> runs N generated inputs per target instead; <c>SMALLFISH_FUZZ_SEED=S</c>
/// changes the base seed (the one a failure report names, so a failure reproduces with that seed).
/// </summary>
internal static class FuzzSettings
{
    /// <summary>The base seed when none is given.</summary>
    public const int DefaultSeed = 20_260_512;

    /// <summary>The environment variable that sets the inputs per target.</summary>
    public const string IterationsVariable = "SMALLFISH_FUZZ_ITERATIONS";

    /// <summary>The environment variable that sets the base seed.</summary>
    public const string SeedVariable = "SMALLFISH_FUZZ_SEED";

    /// <summary>The base seed of this run.</summary>
    public static int Seed => Read(SeedVariable) ?? DefaultSeed;

    /// <summary>The number of generated inputs for a target whose CI budget is <paramref name="ciDefault"/>.</summary>
    public static int Iterations(int ciDefault) => Read(IterationsVariable) is { } n && n > 0 ? n : ciDefault;

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;
}
