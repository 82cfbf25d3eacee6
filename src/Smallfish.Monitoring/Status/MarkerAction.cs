namespace Smallfish.Monitoring.Status;

/// <summary>Whether a price marker opened or closed a position.</summary>
public enum MarkerAction
{
    /// <summary>An entry fill.</summary>
    Entry,

    /// <summary>An exit fill.</summary>
    Exit,
}
