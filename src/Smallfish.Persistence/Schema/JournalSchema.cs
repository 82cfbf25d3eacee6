using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Smallfish.Persistence.Schema;

/// <summary>Creates and upgrades the journal schema with forward-only migrations recorded in <c>schema_version</c>.</summary>
public static class JournalSchema
{
    /// <summary>
    /// Brings the database on <paramref name="connection"/> to <see cref="JournalMigrations.Latest"/>, one transaction
    /// per step, and returns the resulting version. Throws <see cref="InvalidOperationException"/> when the database was
    /// written by a newer schema than this build knows.
    /// </summary>
    public static int Migrate(SqliteConnection connection, long nowNs)
    {
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_ns INTEGER NOT NULL)
            """);
        int current = CurrentVersion(connection);
        if (current > JournalMigrations.Latest)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"journal schema version {current} is newer than this build supports ({JournalMigrations.Latest}); refusing to open {connection.DataSource}"));
        }
        foreach (var step in JournalMigrations.All)
        {
            if (step.Version <= current) continue;
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, step.Sql);
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_version (version, description, applied_ns) VALUES ($v, $d, $t)";
                cmd.Parameters.AddWithValue("$v", step.Version);
                cmd.Parameters.AddWithValue("$d", step.Description);
                cmd.Parameters.AddWithValue("$t", nowNs);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            current = step.Version;
        }
        return current;
    }

    /// <summary>The highest applied version, 0 for an empty database.</summary>
    public static int CurrentVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
