namespace Smallfish.Persistence.Journal;

/// <summary>Keys of <c>engine_state</c> that the journal itself manages.</summary>
public static class JournalStateKeys
{
    /// <summary>The engine incarnation counter used in client order ids (incremented by <c>BeginRunAsync</c>).</summary>
    public const string RunCounter = "engine.run";
}
