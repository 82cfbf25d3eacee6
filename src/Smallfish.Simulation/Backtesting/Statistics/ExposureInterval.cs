namespace Smallfish.Simulation.Backtesting.Statistics;

/// <summary>A span of time during which a position was open: [<see cref="StartNs"/>, <see cref="EndNs"/>).</summary>
/// <param name="StartNs">Position opened, ns since the Unix epoch.</param>
/// <param name="EndNs">Position closed (or the session ended), ns since the Unix epoch.</param>
public readonly record struct ExposureInterval(long StartNs, long EndNs);
