namespace Smallfish.Persistence.Export;

/// <summary>One CSV file written by <see cref="JournalCsvExporter"/>.</summary>
/// <param name="Table">Source table.</param>
/// <param name="Path">Full path of the CSV file.</param>
/// <param name="Rows">Data rows written (the header row not counted).</param>
public sealed record CsvTableExport(string Table, string Path, long Rows);
