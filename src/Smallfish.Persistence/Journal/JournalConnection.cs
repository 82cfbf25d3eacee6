using Microsoft.Data.Sqlite;

namespace Smallfish.Persistence.Journal;

/// <summary>Opens journal connections with the settings every connection needs.</summary>
internal static class JournalConnection
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    /// <summary>
    /// Opens <paramref name="path"/>. The writer creates the file and switches it to WAL with <c>synchronous=FULL</c>
    /// (each commit is on disk when it returns, one fsync per flush interval); readers never create a file.
    /// Pooling is off so that a closed connection really releases the file.
    /// </summary>
    public static SqliteConnection Open(string path, bool writer)
    {
        _ = Initialized.Value;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = writer ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Pragma(connection, "PRAGMA busy_timeout = 5000");
            if (writer)
            {
                var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL"), System.Globalization.CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"journal {path}: could not switch to WAL mode (got '{mode}')");
                }
                Pragma(connection, "PRAGMA synchronous = FULL");
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Pragma(SqliteConnection connection, string sql) => Scalar(connection, sql);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
