namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>RFC 4180 field quoting for the report CSVs.</summary>
internal static class CsvText
{
    public static string Field(string? value)
    {
        if (value is null) return "";
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void Row(TextWriter w, params string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(Field(fields[i]));
        }
        w.Write('\n');
    }
}
