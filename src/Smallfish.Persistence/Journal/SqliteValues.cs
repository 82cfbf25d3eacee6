using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Smallfish.Persistence.Journal;

/// <summary>How journal values are bound to and read from SQLite: exact decimals as invariant text, NaN as NULL.</summary>
internal static class SqliteValues
{
    public static object Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;

    public static object Text(string? value) => value is null ? DBNull.Value : value;

    public static object Bool(bool value) => value ? 1L : 0L;

    public static decimal ReadMoney(SqliteDataReader r, int ordinal) =>
        decimal.Parse(r.GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static double ReadReal(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? double.NaN : r.GetDouble(ordinal);

    public static string? ReadText(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public static T ReadEnum<T>(SqliteDataReader r, int ordinal) where T : struct, Enum => Enum.Parse<T>(r.GetString(ordinal));
}
