namespace Smallfish.Persistence.Reading;

/// <summary>Result of the journal consistency check.</summary>
/// <param name="OrdersChecked">Orders examined.</param>
/// <param name="FillsChecked">Fills examined.</param>
/// <param name="Issues">Every inconsistency found.</param>
public sealed record JournalConsistencyReport(int OrdersChecked, int FillsChecked, IReadOnlyList<JournalIssue> Issues)
{
    /// <summary>True when no issue was found.</summary>
    public bool IsConsistent => Issues.Count == 0;
}
