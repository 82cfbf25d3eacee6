namespace Smallfish.Persistence.State;

/// <summary>One row of <c>engine_state</c>: the value as invariant text, its kind, and when it was set.</summary>
/// <param name="Key">Key.</param>
/// <param name="Kind">Type of the value.</param>
/// <param name="Value">Invariant-culture text of the value.</param>
/// <param name="UpdatedNs">When it was set, ns since the Unix epoch.</param>
public sealed record EngineStateEntry(string Key, EngineStateKind Kind, string Value, long UpdatedNs);
