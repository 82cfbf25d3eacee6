using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Journal;

namespace Smallfish.Service.Engine;

/// <summary>
/// Builds the engine (through <see cref="IEngineCoreFactory"/>, once the journal is open) and runs it on the
/// <see cref="EngineLoop"/>. On stop it runs the loop's graceful stop: new entries stopped, resting entry orders
/// cancelled and confirmed (or the drain times out), protective orders left working, last snapshot published.
/// </summary>
public sealed class EngineLoopService : IHostedService
{
    private readonly EngineLoop _loop;
    private readonly IEngineCoreFactory _factory;
    private readonly JournalService _journal;
    private readonly RunContext _context;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public EngineLoopService(EngineLoop loop, IEngineCoreFactory factory, JournalService journal, RunContext context, TimeProvider clock,
        ILogger<EngineLoopService> logger)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The engine the loop drives (after start).</summary>
    public IEngineCore? Engine { get; private set; }

    /// <summary>The graceful stop's report (after stop).</summary>
    public ShutdownReport? LastShutdown { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var context = new EngineCoreContext(_context.Options, _context.Mode, _clock, _journal.EngineJournal, _journal.RunId, _context.Symbols, _context.Instruments);
        // The factory's start-up work (restart reconciliation) completes before the loop runs and before READY=1.
        Engine = await _factory.CreateAsync(context, cancellationToken).ConfigureAwait(false);
        _loop.Start(Engine);
        EngineServiceLog.EngineStarted(_logger, Engine.GetType().Name, _context.Symbols.Count);
        if (Engine is WatchOnlyEngineCore) EngineServiceLog.WatchOnly(_logger);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            LastShutdown = await _loop.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EngineServiceLog.StopTimedOut(_logger);
        }

        // The order path (REST sender, private stream, paper venue) goes once the loop has ended; the loop's drain needed it.
        if (_loop.Completion.IsCompleted && Engine is IAsyncDisposable owned) await owned.DisposeAsync().ConfigureAwait(false);
    }
}
