namespace Smallfish.Persistence.Schema;

/// <summary>One forward-only schema step: the version it brings the database to, what it does, and its SQL.</summary>
/// <param name="Version">Schema version after this step (1, 2, ...; consecutive).</param>
/// <param name="Description">One line for the <c>schema_version</c> table.</param>
/// <param name="Sql">DDL/DML run inside one transaction.</param>
public sealed record JournalMigration(int Version, string Description, string Sql);
