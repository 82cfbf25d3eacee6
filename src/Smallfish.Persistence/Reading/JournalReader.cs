using System.Globalization;
using Microsoft.Data.Sqlite;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.State;

namespace Smallfish.Persistence.Reading;

/// <summary>
/// Read side of the journal for the restart path and the reports, on its own connection (WAL lets it read while the
/// writer commits). Sees committed data only. Not thread-safe: one reader per thread.
/// </summary>
public sealed partial class JournalReader : IDisposable
{
    private static readonly string[] Tables =
        ["decisions", "orders_sent", "order_updates", "fills", "trades", "equity", "shadow_trades", "engine_state", "schema_version"];

    private readonly SqliteConnection _connection;

    private JournalReader(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a reader on an existing journal file; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    public static JournalReader Open(string databasePath)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException("journal database not found", databasePath);
        return new JournalReader(JournalConnection.Open(databasePath, writer: false));
    }

    /// <summary>Number of rows in one of the journal's tables.</summary>
    public long CountRows(string table)
    {
        if (Array.IndexOf(Tables, table) < 0) throw new ArgumentException($"'{table}' is not a journal table", nameof(table));
        using var cmd = Command($"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The engine state as committed, ordered by key.</summary>
    public IReadOnlyList<EngineStateEntry> ReadEngineState() => ReadEngineState(_connection);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal static List<EngineStateEntry> ReadEngineState(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, kind, value, updated_ns FROM engine_state ORDER BY key";
        using var r = cmd.ExecuteReader();
        var list = new List<EngineStateEntry>();
        while (r.Read())
        {
            list.Add(new EngineStateEntry(r.GetString(0), Enum.Parse<EngineStateKind>(r.GetString(1)), r.GetString(2), r.GetInt64(3)));
        }
        return list;
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }
}
