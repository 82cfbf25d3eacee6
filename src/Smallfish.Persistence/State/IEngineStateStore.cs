using System.Diagnostics.CodeAnalysis;

namespace Smallfish.Persistence.State;

/// <summary>
/// Small typed key-value state that must survive a restart (run counter for client order ids, daily counters, last
/// processed times). Reads see every earlier write at once; writes reach disk with the journal's next flush.
/// Reading a key as another type than it was written with throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IEngineStateStore
{
    /// <summary>Reads an integer.</summary>
    bool TryGetInt64(string key, out long value);

    /// <summary>Reads a double.</summary>
    bool TryGetDouble(string key, out double value);

    /// <summary>Reads a decimal.</summary>
    bool TryGetDecimal(string key, out decimal value);

    /// <summary>Reads text.</summary>
    bool TryGetString(string key, [NotNullWhen(true)] out string? value);

    /// <summary>Reads a boolean.</summary>
    bool TryGetBoolean(string key, out bool value);

    /// <summary>Writes an integer.</summary>
    void SetInt64(string key, long value);

    /// <summary>Writes a double.</summary>
    void SetDouble(string key, double value);

    /// <summary>Writes a decimal.</summary>
    void SetDecimal(string key, decimal value);

    /// <summary>Writes text.</summary>
    void SetString(string key, string value);

    /// <summary>Writes a boolean.</summary>
    void SetBoolean(string key, bool value);

    /// <summary>Every entry, ordered by key.</summary>
    IReadOnlyList<EngineStateEntry> Entries();
}
