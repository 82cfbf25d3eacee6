using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Core.Domain;
using Smallfish.Core.Engine;
using Smallfish.Core.Instruments;
using CoreCatalog = Smallfish.Core.Instruments.InstrumentCatalog;
using Smallfish.Core.Recovery;
using Smallfish.Core.State;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Hosting.Runtime;
using Smallfish.Persistence.Journal;
using Smallfish.Persistence.State;
using Smallfish.Service.Engine;
using Smallfish.Service.Hosting;
using Smallfish.Service.Journal;
using Smallfish.Simulation.Venue;

namespace Smallfish.Service.Trading;

/// <summary>
/// Builds the real trading engine for the service, the way the backtest builds it (<see cref="StandardEngine"/>:
/// <see cref="EngineBuilder"/> with the 13-signal evaluator), with the mode's order path, and runs the restart
/// reconciliation before the loop starts (docs/execution.md, "Restart: reconciliation"):
/// <list type="number">
/// <item>testnet, live, offline: the private stream starts first and its reports queue in the loop's input, not yet
/// processed;</item>
/// <item>the journal's recovery view, the saved day's counters and kill switch, and the run counter are read;</item>
/// <item>the exchange's positions, open orders, executions (every symbol, read until positions and orders hold still),
/// prices and wallet are read (paper: nothing, the paper venue starts empty);</item>
/// <item>the run is set above every run seen and persisted before any order;</item>
/// <item>the engine is built waiting for reconciliation (<c>GateReason.Reconciling</c>) and <c>Reconcile</c> takes
/// over: exchange wins, a naked position gets its stop first.</item>
/// </list>
/// The loop then starts and drains the buffered reports. The service reports READY only after all this.
/// <para>While running, a private stream that drops holds new entries, and its reconnect (or a protective reduce-only
/// order the venue refuses) reads back what the venue did meanwhile (<see cref="PrivateStreamResync"/>).</para>
/// </summary>
public sealed class TradingEngineCoreFactory : IEngineCoreFactory
{
    private readonly RunContext _run;
    private readonly EngineLoop _loop;
    private readonly JournalService _journal;
    private readonly IExchangeClientFactory _clients;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    public TradingEngineCoreFactory(RunContext run, EngineLoop loop, JournalService journal, IExchangeClientFactory clients, ILoggerFactory loggers)
    {
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<TradingEngineCoreFactory>();
    }

    /// <summary>The latency probe the engine and the order gateway share (the latency benchmark reads it).</summary>
    public LatencyProbe Probe { get; } = new();

    /// <summary>The exchange clients of the order path (null in paper mode or before start).</summary>
    public ExchangeClients? Clients { get; private set; }

    /// <summary>Blocks on <see cref="CreateAsync"/>; the host calls the asynchronous form.</summary>
    public IEngineCore Create(EngineCoreContext context) => CreateAsync(context, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task<IEngineCore> CreateAsync(EngineCoreContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SmallfishOptions options = context.Options;
        IReadOnlyList<string> symbols = context.Symbols;
        InstrumentSpec[] specs = EngineBuilder.ResolveInstruments(options, symbols, new CoreCatalog(context.Instruments));
        SqliteJournal journal = _journal.Journal;

        JournalRecovery known;
        using (var reader = journal.OpenReader()) known = reader.ReadRecovery();
        RestoredState? saved = SavedRuntimeState.Load(journal.State);
        long counter = Math.Max(0, context.RunId - 1);

        IOrderCommands orders;
        PaperVenueDriver? paper = null;
        ExchangeOrderGateway? gateway = null;
        PrivateStreamResync? resync = null;
        ReconciliationInput input;
        decimal equity;
        string path;
        if (context.Mode == RunMode.Paper)
        {
            equity = saved?.Equity is > 0 ? saved.Equity.Value : options.Paper.StartingEquity;
            paper = new PaperVenueDriver(specs, PaperVenueOptions.For(options, equity), context.Clock);
            orders = paper.Venue;
            // The paper venue starts empty: the journal's open orders and position are resolved against nothing.
            input = new ReconciliationInput { Journal = known, RunCounter = counter, Restored = saved };
            path = "paper venue (in-process fill model, nothing sent)";
        }
        else
        {
            ExchangeClients clients = _clients.Create(options.Exchange, options.Secrets, _run.Catalog);
            Clients = clients;
            clients.Streams.OrderUpdated += u => _loop.Executions.OnOrderUpdate(u);
            clients.Streams.FillReceived += f => _loop.Executions.OnFill(f);
            var catchUp = new PrivateStreamResync(clients.Rest, _run.Catalog, symbols, _loop, context.Clock, _loggers.CreateLogger<PrivateStreamResync>());
            resync = catchUp;
            clients.Streams.ConnectionChanged += c =>
            {
                if (!c.IsPrivate) return;
                TradingLog.PrivateConnection(_logger, c.State.ToString(), c.Detail ?? "");
                catchUp.OnConnectionChanged(c);
            };
            // Write-ahead: a placement goes out only once its journal record is on disk, so a crash after the send
            // always leaves the order in the journal for the next start to look for.
            gateway = new ExchangeOrderGateway(clients.Rest, _run.Catalog, symbols, _loop.Executions, context.Clock,
                _loggers.CreateLogger<ExchangeOrderGateway>(), Probe)
            {
                WriteAhead = journal.FlushAsync,
                PositionSuspect = catchUp.ResyncAsync,
            };
            orders = gateway;
            ExchangeAccountSnapshot read;
            try
            {
                await clients.Streams.StartPrivateAsync(cancellationToken).ConfigureAwait(false);
                read = await ExchangeAccountReader.ReadAsync(clients.Rest, _run.Catalog, symbols, known, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await catchUp.DisposeAsync().ConfigureAwait(false);
                await gateway.DisposeAsync().ConfigureAwait(false);
                await clients.DisposeAsync().ConfigureAwait(false);
                Clients = null;
                throw;
            }

            if (!read.Consistent) TradingLog.StartupReadUnsettled(_logger, read.Rounds);
            input = read.Input with { RunCounter = counter, Restored = saved };
            equity = read.Equity is > 0 ? read.Equity.Value : saved?.Equity ?? options.Paper.StartingEquity;
            path = $"{_run.ExchangeName} REST {options.Exchange.GetActiveEndpoints().RestBaseUrl}";
        }

        long run = input.NextRun();
        if (run != context.RunId)
        {
            journal.State.SetInt64(JournalStateKeys.RunCounter, run);
            await journal.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        TradingEngine engine = EngineBuilder.Build(StandardEngine.Setup(options, symbols, context.Clock, orders, context.Journal) with
        {
            Run = run,
            AwaitReconciliation = true,
            StartingEquity = equity,
            Instruments = new CoreCatalog(specs),
        });
        paper?.Connect(engine, engine);
        if (resync is not null) resync.Run = run;
        TradingLog.StartupRead(_logger, run, equity, input.Positions.Count, input.OpenOrders.Count, input.Executions.Count);
        ReconciliationReport report = engine.Reconcile(input, context.Clock.GetUnixTimeNs());
        TradingLog.Reconciled(_logger, report.ToString());
        foreach (string warning in report.Warnings) TradingLog.ReconcileWarning(_logger, warning);
        journal.State.SetString(RuntimeStateKeys.LastReconciliation, report.ToString());
        TradingLog.OrderPath(_logger, path);

        Func<ValueTask>? stop = null;
        if (gateway is not null)
        {
            ExchangeClients clients = Clients!;
            PrivateStreamResync catchUp = resync!;
            stop = async () =>
            {
                await catchUp.DisposeAsync().ConfigureAwait(false);
                await gateway.StopAsync(TimeSpan.FromMilliseconds(options.Service.ShutdownDrainMs)).ConfigureAwait(false);
                await clients.DisposeAsync().ConfigureAwait(false);
            };
        }

        return new ServiceEngineCore(new TradingEngineCore(engine), path, Probe, journal.State, paper, stop)
        {
            Reconciliation = report,
            Gateway = gateway,
            Resync = resync,
            PrivateStream = Clients?.Streams.Statistics,
        };
    }
}
