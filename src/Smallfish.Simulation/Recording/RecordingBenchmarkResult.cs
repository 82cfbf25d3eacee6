using System.Globalization;

namespace Smallfish.Simulation.Recording;

/// <summary>Decode throughput of the recording format.</summary>
/// <param name="Events">Events decoded in the measured passes.</param>
/// <param name="Passes">Passes over the recording.</param>
/// <param name="EventsPerPass">Events in the recording.</param>
/// <param name="PayloadBytesPerPass">Encoded record bytes in the recording (block headers excluded).</param>
/// <param name="Elapsed">Measured time.</param>
/// <param name="EventsPerSecond">Events decoded per second of wall-clock time (one thread).</param>
/// <param name="CpuTime">Process CPU time over the measurement (all threads; close to <paramref name="Elapsed"/> on an idle machine).</param>
/// <param name="EventsPerCpuSecond">Events decoded per second of process CPU time: steadier than wall-clock time on a busy machine.</param>
/// <param name="AllocatedBytesPerEvent">Bytes allocated on the decoding thread per event (0 in steady state).</param>
/// <param name="EncodedBytesPerEvent">Average record size.</param>
/// <param name="Checksum">Sum over decoded prices and quantities (keeps the work observable).</param>
public readonly record struct RecordingBenchmarkResult(
    long Events,
    int Passes,
    long EventsPerPass,
    long PayloadBytesPerPass,
    TimeSpan Elapsed,
    double EventsPerSecond,
    TimeSpan CpuTime,
    double EventsPerCpuSecond,
    double AllocatedBytesPerEvent,
    double EncodedBytesPerEvent,
    long Checksum)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"decode: {EventsPerSecond / 1e6:F2} M events/s wall, {EventsPerCpuSecond / 1e6:F2} M events/CPU-s, {AllocatedBytesPerEvent:F3} B allocated/event, {EncodedBytesPerEvent:F1} B/event encoded ({Events} events, {Passes} passes, {Elapsed.TotalMilliseconds:F0} ms)");
}
