namespace Smallfish.Exchanges.Abstractions;

/// <summary>Why a stream client says its consumers must resynchronize.</summary>
public enum ResyncReason : byte
{
    /// <summary>The connection dropped and was re-established: messages were lost in between.</summary>
    Reconnected,

    /// <summary>Public frames were dropped because the consumer fell behind (bounded queue full).</summary>
    Overflow,

    /// <summary>The engine asked for it (its book synchronizer saw a gap or a crossed book).</summary>
    Requested,
}
