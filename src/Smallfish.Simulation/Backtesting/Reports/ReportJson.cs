using System.Text.Encodings.Web;
using System.Text.Json;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>Utf8JsonWriter helpers that write numbers pre-formatted by <see cref="ReportFormat"/>.</summary>
internal static class ReportJson
{
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Money(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(ReportFormat.Money(value), skipInputValidation: true);
    }

    public static void Ratio(Utf8JsonWriter w, string name, double value)
    {
        string? text = ReportFormat.Ratio(value);
        w.WritePropertyName(name);
        if (text is null) w.WriteNullValue();
        else w.WriteRawValue(text, skipInputValidation: true);
    }

    public static void Time(Utf8JsonWriter w, string name, long tsNs)
    {
        string? text = ReportFormat.IsoUtc(tsNs);
        if (text is null) w.WriteNull(name);
        else w.WriteString(name, text);
    }
}
