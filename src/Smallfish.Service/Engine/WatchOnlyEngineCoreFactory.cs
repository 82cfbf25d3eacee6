using Smallfish.Core.Engine;

namespace Smallfish.Service.Engine;

/// <summary>The factory used while no trading engine is registered: a <see cref="WatchOnlyEngineCore"/>.</summary>
public sealed class WatchOnlyEngineCoreFactory : IEngineCoreFactory
{
    /// <inheritdoc />
    public IEngineCore Create(EngineCoreContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WatchOnlyEngineCore(context.Symbols, context.Clock);
    }
}
