namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// What <see cref="SignalBenchmark"/> measured on one event stream: the cost per event of the book and features alone
/// and of the whole decision pipeline (book, features, the 13 scorers, fusion), and the bytes the pipeline allocated per
/// event after warm-up.
/// </summary>
/// <param name="Name">The event stream.</param>
/// <param name="EventsPerPass">Book messages and trades per pass.</param>
/// <param name="Repeats">Timed passes.</param>
/// <param name="FeaturesNsPerEvent">Book + features, wall-clock ns per event.</param>
/// <param name="SignalsNsPerEvent">The 13 scorers + fusion (+ adaptive weights when enabled) alone, over the captured features, wall-clock ns per event.</param>
/// <param name="PipelineNsPerEvent">Book + features + 13 scorers + fusion (+ adaptive weights when enabled), wall-clock ns per event.</param>
/// <param name="FeaturesBytesPerEvent">Bytes allocated per event by book + features after warm-up.</param>
/// <param name="SignalsBytesPerEvent">Bytes allocated per event by the scorers + fusion alone after warm-up.</param>
/// <param name="PipelineBytesPerEvent">Bytes allocated per event by the whole pipeline after warm-up.</param>
/// <param name="EntriesPerPass">Evaluations per pass whose fusion wanted an entry (a check that the work was done).</param>
public sealed record SignalBenchmarkResult(
    string Name,
    long EventsPerPass,
    int Repeats,
    double FeaturesNsPerEvent,
    double SignalsNsPerEvent,
    double PipelineNsPerEvent,
    double FeaturesBytesPerEvent,
    double SignalsBytesPerEvent,
    double PipelineBytesPerEvent,
    long EntriesPerPass);
