namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>What one fuzz run did.</summary>
internal sealed record FuzzReport(string Target, int Seed, int Inputs, int Accepted, IReadOnlyDictionary<string, int> Rejected,
    long MaxAllocatedBytes, TimeSpan Elapsed)
{
    /// <summary>Inputs rejected with an allowed error.</summary>
    public int RejectedTotal => Rejected.Values.Sum();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Target}: {Inputs} inputs (seed {Seed}): {Accepted} accepted, {RejectedTotal} rejected" +
        (Rejected.Count == 0 ? "" : " [" + string.Join(", ", Rejected.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")) + "]") +
        $", max {MaxAllocatedBytes / 1024} KiB allocated per input, {Elapsed.TotalMilliseconds:0} ms";
}
