using System.Text;
using Microsoft.Data.Sqlite;
using Smallfish.Persistence.Journal;

namespace Smallfish.Persistence.Export;

/// <summary>
/// Writes every table of a journal database to <c>&lt;table&gt;.csv</c> (header row, RFC 4180 quoting, CRLF, UTF-8
/// without BOM, invariant culture; exact decimals as stored). Reads one consistent snapshot, so it is safe while the
/// service is writing. Backs <c>smallfish export --csv DIR</c>.
/// </summary>
public static class JournalCsvExporter
{
    /// <summary>Exports <paramref name="databasePath"/> into <paramref name="outputDirectory"/> (created if missing).</summary>
    public static IReadOnlyList<CsvTableExport> Export(string databasePath, string outputDirectory)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException("journal database not found", databasePath);
        Directory.CreateDirectory(outputDirectory);
        using var connection = JournalConnection.Open(databasePath, writer: false);
        using var snapshot = connection.BeginTransaction(deferred: true);
        var results = new List<CsvTableExport>();
        foreach (var table in TableNames(connection, snapshot))
        {
            string path = Path.GetFullPath(Path.Combine(outputDirectory, table + ".csv"));
            results.Add(new CsvTableExport(table, path, ExportTable(connection, snapshot, table, path)));
        }
        return results;
    }

    private static List<string> TableNames(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static long ExportTable(SqliteConnection connection, SqliteTransaction tx, string table, string path)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
        using var r = cmd.ExecuteReader();
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var csv = new Rfc4180Writer(file);
        for (int i = 0; i < r.FieldCount; i++) csv.Field(r.GetName(i));
        csv.EndRow();
        long rows = 0;
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++) csv.Field(r.GetValue(i));
            csv.EndRow();
            rows++;
        }
        return rows;
    }
}
