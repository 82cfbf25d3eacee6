namespace Smallfish.Simulation.Replay;

/// <summary>What a replay reader does with a malformed line.</summary>
public enum ReplayErrorPolicy : byte
{
    /// <summary>Throw a <see cref="ReplayFormatException"/> naming the file and line (the default).</summary>
    Stop,

    /// <summary>Skip the line and count it in <see cref="ReplayCounters.SkippedLines"/>. A corrupt or truncated compressed file still stops.</summary>
    Skip,
}
