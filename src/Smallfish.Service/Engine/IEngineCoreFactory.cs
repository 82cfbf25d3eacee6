using Smallfish.Core.Engine;

namespace Smallfish.Service.Engine;

/// <summary>
/// Builds the engine the loop drives. Called once, on start, after the journal has opened. The trading engine plugs
/// in here (register its factory before <c>AddSmallfishService</c>, which only adds <see cref="WatchOnlyEngineCoreFactory"/>
/// when no factory is registered).
/// </summary>
public interface IEngineCoreFactory
{
    /// <summary>Creates the engine for <paramref name="context"/>.</summary>
    IEngineCore Create(EngineCoreContext context);

    /// <summary>
    /// Creates the engine with its start-up work done (the trading engine's restart reconciliation, which reads the
    /// exchange). The loop starts after this completes, and the service reports READY only after that. The default
    /// calls <see cref="Create"/>.
    /// </summary>
    Task<IEngineCore> CreateAsync(EngineCoreContext context, CancellationToken cancellationToken) => Task.FromResult(Create(context));
}
