namespace Smallfish.Persistence.Reading;

/// <summary>Kinds of inconsistency the journal check finds.</summary>
public enum JournalIssueKind : byte
{
    /// <summary>A fill whose client order id was never journaled as sent.</summary>
    FillWithoutOrder,

    /// <summary>An order update whose client order id was never journaled as sent.</summary>
    UpdateWithoutOrder,

    /// <summary>An order moved between two statuses that cannot follow each other.</summary>
    IllegalTransition,

    /// <summary>An order's cumulative filled quantity went down.</summary>
    FilledQtyDecreased,

    /// <summary>An order's fills add up to more than its quantity.</summary>
    Overfilled,
}
