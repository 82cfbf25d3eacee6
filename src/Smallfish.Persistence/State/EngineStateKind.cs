namespace Smallfish.Persistence.State;

/// <summary>The type of a value in the <c>engine_state</c> table (stored by name in its <c>kind</c> column).</summary>
public enum EngineStateKind : byte
{
    /// <summary>A 64-bit integer (counters, times in ns).</summary>
    Int64,

    /// <summary>A double.</summary>
    Double,

    /// <summary>An exact decimal (money).</summary>
    Decimal,

    /// <summary>Text.</summary>
    String,

    /// <summary>True or false.</summary>
    Boolean,
}
