using Smallfish.Simulation.Backtesting.Research;

namespace Smallfish.Simulation.Backtesting.Reports;

/// <summary>
/// Writes <c>signals.json</c>: an array with one object per signal (column order): <c>name</c>, <c>active_rate</c>,
/// then per horizon <c>ic_{label}</c> and <c>hit_{label}</c> (e.g. <c>ic_1s</c>, <c>hit_30s</c>), then the sample
/// counts behind them. Undefined values are <c>null</c>.
/// </summary>
public static class SignalsJsonWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> (UTF-8, "\n" line ends, final newline).</summary>
    public static void Write(Stream stream, SignalResearchResult result)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using (var w = ReportJson.CreateWriter(stream))
        {
            w.WriteStartArray();
            foreach (var signal in result.Signals)
            {
                w.WriteStartObject();
                w.WriteString("name", signal.Name);
                ReportJson.Ratio(w, "active_rate", signal.ActiveRate);
                foreach (var h in signal.Horizons) ReportJson.Ratio(w, "ic_" + h.Label, h.Ic);
                foreach (var h in signal.Horizons) ReportJson.Ratio(w, "hit_" + h.Label, h.HitRate);
                w.WriteNumber("samples", result.Samples);
                foreach (var h in signal.Horizons) w.WriteNumber("ic_samples_" + h.Label, h.IcSamples);
                foreach (var h in signal.Horizons) w.WriteNumber("hit_samples_" + h.Label, h.HitSamples);
                w.WriteBoolean("ic_sampled", result.Sampled);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
    }
}
