namespace Smallfish.Persistence.Reading;

/// <summary>One inconsistency found by <see cref="JournalReader.CheckConsistency"/>.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="ClientOrderId">The order concerned.</param>
/// <param name="Detail">A readable explanation.</param>
public sealed record JournalIssue(JournalIssueKind Kind, string ClientOrderId, string Detail);
