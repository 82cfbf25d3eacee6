namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>Lines and events an <see cref="IArchiveReader"/> has read.</summary>
public sealed class ArchiveReadCounters
{
    /// <summary>Lines read (header and blank lines included).</summary>
    public long Lines { get; internal set; }

    /// <summary>Events pushed to the sink.</summary>
    public long Events { get; internal set; }

    /// <summary>Header and blank lines.</summary>
    public long IgnoredLines { get; internal set; }

    /// <summary>Exchange time of the first event pushed, ns (0 before any).</summary>
    public long FirstTsNs { get; internal set; }

    /// <summary>Exchange time of the last event pushed, ns (0 before any).</summary>
    public long LastTsNs { get; internal set; }

    internal void Pushed(long tsNs)
    {
        Events++;
        if (FirstTsNs == 0) FirstTsNs = tsNs;
        LastTsNs = tsNs;
    }
}
