namespace Smallfish.Core.Execution;

/// <summary>Where an <see cref="EntryRouter"/> is in its entry.</summary>
public enum EntryRouterState : byte
{
    /// <summary>No entry in progress; no entry order is working.</summary>
    Idle,

    /// <summary>A post-only order is working (sent or resting).</summary>
    Working,

    /// <summary>The resting order missed (timeout or the touch moved); its cancel is out, a new post-only follows.</summary>
    Repricing,

    /// <summary>Reprices are used up and confidence holds; the last post-only's cancel is out, an IOC follows.</summary>
    FallingBack,

    /// <summary>The IOC fallback is out.</summary>
    Ioc,

    /// <summary>The entry is abandoned (signal decayed, reprices used up, kill switch); waiting for the last order to end.</summary>
    Cancelling,
}
