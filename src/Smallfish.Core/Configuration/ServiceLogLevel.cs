namespace Smallfish.Core.Configuration;

/// <summary>Lowest log level the service writes (<c>Smallfish:Service:LogLevel</c>).</summary>
public enum ServiceLogLevel
{
    /// <summary>Everything.</summary>
    Trace,

    /// <summary>Debug and above.</summary>
    Debug,

    /// <summary>Information and above (the default).</summary>
    Information,

    /// <summary>Warnings and above.</summary>
    Warning,

    /// <summary>Errors and above.</summary>
    Error,

    /// <summary>Critical only.</summary>
    Critical,
}
