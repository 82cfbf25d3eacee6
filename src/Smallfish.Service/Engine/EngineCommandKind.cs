namespace Smallfish.Service.Engine;

/// <summary>What an <see cref="EngineCommand"/> asks the engine to do.</summary>
public enum EngineCommandKind
{
    /// <summary>Trip the kill switch.</summary>
    Kill,

    /// <summary>Reset the kill switch.</summary>
    Resume,

    /// <summary>Add an entry hold.</summary>
    StopEntries,

    /// <summary>Lift an entry hold.</summary>
    AllowEntries,

    /// <summary>Nothing: completes once every input queued before it has been processed (<see cref="EngineLoop.DrainAsync"/>).</summary>
    Barrier,
}
