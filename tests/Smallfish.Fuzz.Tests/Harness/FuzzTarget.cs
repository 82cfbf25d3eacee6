namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>One parser under fuzzing: its real seed inputs, how to feed it one input, and what it may throw.</summary>
internal sealed class FuzzTarget
{
    /// <summary>Name used in reports and to derive the per-target seed.</summary>
    public required string Name { get; init; }

    /// <summary>Real inputs: each is run once unchanged, then mutated.</summary>
    public required IReadOnlyList<byte[]> Corpus { get; init; }

    /// <summary>Generated inputs per run in CI (overridden by SMALLFISH_FUZZ_ITERATIONS).</summary>
    public required int CiIterations { get; init; }

    /// <summary>Parses one input; checking sinks throw <see cref="FuzzPropertyException"/> on an out-of-range event.</summary>
    public required Action<byte[]> Parse { get; init; }

    /// <summary>The documented error types of this parser (a clear rejection); null = it must never throw.</summary>
    public Func<Exception, bool>? Allowed { get; init; }

    /// <summary>Allocation budget per input: this much plus <see cref="AllocationPerInputByte"/> times the input length.</summary>
    public long AllocationBase { get; init; } = 4L << 20;

    /// <summary>Allocation allowed per byte of input (a parser may build a DOM several times the input's size).</summary>
    public long AllocationPerInputByte { get; init; } = 64;

    /// <summary>The longest one input may take before it counts as a hang.</summary>
    public TimeSpan MaxTimePerInput { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Optional custom generator instead of <see cref="Mutator"/> (e.g. one that rewrites a file).</summary>
    public Func<Random, IReadOnlyList<byte[]>, byte[]>? Generate { get; init; }
}
