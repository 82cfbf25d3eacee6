namespace Smallfish.Hosting.Runtime;

/// <summary>What the command line asked for, besides configuration: the switches that choose the run mode.</summary>
public sealed record RunModeRequest
{
    /// <summary><c>--live</c>: confirms mainnet trading (same as <c>Smallfish:Exchange:Live = true</c>).</summary>
    public bool Live { get; init; }

    /// <summary><c>--paper</c>: paper trading even when API keys are present.</summary>
    public bool Paper { get; init; }

    /// <summary><c>--offline</c>: the in-process venue emulator instead of an exchange.</summary>
    public bool Offline { get; init; }

    /// <summary><c>--replay PATH</c>: the recording that feeds the emulator (offline only); null = the synthetic generator.</summary>
    public string? ReplayPath { get; init; }
}
