using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Server;

/// <summary>An <see cref="IStatusSource"/> over a function (e.g. a mapping of the runtime state's published snapshot).</summary>
public sealed class DelegateStatusSource : IStatusSource
{
    private readonly Func<StatusSnapshot?> _get;

    /// <summary>Wraps <paramref name="get"/>.</summary>
    public DelegateStatusSource(Func<StatusSnapshot?> get) => _get = get ?? throw new ArgumentNullException(nameof(get));

    /// <inheritdoc />
    public StatusSnapshot? GetSnapshot() => _get();
}
