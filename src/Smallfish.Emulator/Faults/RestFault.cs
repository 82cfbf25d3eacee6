namespace Smallfish.Emulator.Faults;

/// <summary>One armed REST fault: applies to the next <see cref="Remaining"/> requests whose path matches.</summary>
internal sealed class RestFault
{
    public RestFault(RestFaultKind kind, int count, string? path)
    {
        Kind = kind;
        Remaining = count;
        Path = path;
    }

    public RestFaultKind Kind { get; }

    public int Remaining { get; set; }

    /// <summary>Exact request path, or null for every REST path.</summary>
    public string? Path { get; }

    /// <summary>HTTP status of a server error.</summary>
    public int Status { get; init; } = 503;

    /// <summary>Server error: execute the request first, then fail (the outcome is unknown to the client).</summary>
    public bool ExecuteFirst { get; init; }

    /// <summary>How long an answer is held.</summary>
    public TimeSpan Hold { get; init; }

    /// <summary>When a rate limit resets.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(1);

    public bool Matches(string path) => Path is null || string.Equals(Path, path, StringComparison.Ordinal);
}
