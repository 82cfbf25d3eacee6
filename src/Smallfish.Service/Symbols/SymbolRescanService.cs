using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Configuration;
using Smallfish.Core.Scanning;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;
using Smallfish.Service.Hosting;
using Smallfish.Service.MarketData;

namespace Smallfish.Service.Symbols;

/// <summary>
/// With <c>AutoSymbols:Count</c> above 0, re-runs the scanner every <c>AutoSymbols:RescanIntervalMinutes</c> on the
/// run's clock. The engine's symbol table is fixed for the run, so a new ranking is not applied live: it is logged,
/// shown in <c>/status</c>, sent as an alert when it differs from the running symbols (once per distinct ranking), and
/// takes effect at the next restart, which scans again and always keeps symbols with open positions or orders.
/// </summary>
public sealed class SymbolRescanService : IHostedService, IDisposable
{
    private readonly RunContext _context;
    private readonly IExchangeClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly SymbolScanState _state;
    private readonly IServiceAlerts? _alerts;
    private readonly ILogger<SymbolRescanService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private int _running;
    private string? _lastAlerted;

    /// <summary>Creates the service.</summary>
    public SymbolRescanService(RunContext context, IExchangeClientFactory clients, TimeProvider clock, SymbolScanState state, ILogger<SymbolRescanService> logger,
        IServiceAlerts? alerts = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _alerts = alerts;
    }

    /// <summary>The symbols the scanner chose at start (the configured list when the start-up scan failed).</summary>
    public IReadOnlyList<string> Running => _context.Selection.IsAuto ? [.. _context.Selection.Ranking.Select(r => r.Symbol)] : [.. _context.Options.Symbols.Select(s => s.ToUpperInvariant())];

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int minutes = _context.Options.AutoSymbols.RescanIntervalMinutes;
        if (_context.Options.AutoSymbols.Count <= 0 || minutes <= 0) return Task.CompletedTask;
        TimeSpan period = TimeSpan.FromMinutes(minutes);
        _timer = _clock.CreateTimer(_ => _ = RunScheduledAsync(), null, period, period);
        SymbolLog.RescanScheduled(_logger, minutes);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null) await _timer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Runs one re-scan now and records it (what the timer does).</summary>
    public async Task<SymbolRescan> ScanOnceAsync(CancellationToken ct = default)
    {
        int count = _context.Options.AutoSymbols.Count;
        SymbolRescan rescan;
        try
        {
            ExchangeOptions endpoints = MarketDataService.PublicEndpointsFor(_context);
            await using ExchangeClients exchange = _clients.Create(endpoints, new SecretsOptions(), new InstrumentCatalog(), SymbolBootstrap.StartupRestOptions());
            ExchangeResult<IReadOnlyList<ExchangeInstrument>> instruments = await exchange.Rest.GetInstrumentsAsync(ct).ConfigureAwait(false);
            ExchangeResult<IReadOnlyList<ExchangeTicker>> tickers = await exchange.Rest.GetTickersAsync(null, ct).ConfigureAwait(false);
            long now = _clock.GetUnixTimeNs();
            if (!tickers.Success || tickers.Data is null)
            {
                rescan = new SymbolRescan(now, [], [], [], "tickers endpoint unavailable: " + (tickers.Error?.Message ?? "no answer"));
            }
            else
            {
                var listing = instruments.Success && instruments.Data is { Count: > 0 } list ? AutoSymbolRanking.ToListing(list) : null;
                IReadOnlyList<SymbolRank> top = AutoSymbolRanking.Top(tickers.Data, listing, count);
                rescan = top.Count == 0 ? new SymbolRescan(now, [], [], [], "no USDT perpetual to rank") : SymbolRescan.Compare(now, top, Running);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            rescan = new SymbolRescan(_clock.GetUnixTimeNs(), [], [], [], ex.GetType().Name);
        }

        _state.Record(rescan);
        Report(rescan, count);
        return rescan;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>One line per ranked symbol: <c>1. SOLUSDT (score 1.5, turnover 1.2e+09, range 4.1%)</c>.</summary>
    public static string Describe(IReadOnlyList<SymbolRank> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var parts = new List<string>(ranking.Count);
        for (int i = 0; i < ranking.Count; i++)
        {
            SymbolRank r = ranking[i];
            string range = double.IsNaN(r.Activity.Volatility) ? "range unknown" : string.Create(CultureInfo.InvariantCulture, $"range {r.Activity.Volatility * 100:0.##}%");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {r.Symbol} (score {r.Score:0.##}, turnover {r.Activity.Turnover:0}, {range})"));
        }

        return string.Join("; ", parts);
    }

    private async Task RunScheduledAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0) return;
        try
        {
            await ScanOnceAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void Report(SymbolRescan rescan, int count)
    {
        if (rescan.Error is not null)
        {
            SymbolLog.RescanFailed(_logger, rescan.Error);
            return;
        }

        string symbols = string.Join(' ', rescan.Top.Select(r => r.Symbol));
        if (!rescan.Changed)
        {
            SymbolLog.RescanUnchanged(_logger, count, symbols);
            return;
        }

        string added = rescan.Added.Count == 0 ? "none" : string.Join(' ', rescan.Added);
        string dropped = rescan.Dropped.Count == 0 ? "none" : string.Join(' ', rescan.Dropped);
        SymbolLog.RescanChanged(_logger, count, symbols, string.Join(' ', Running), added, dropped, Describe(rescan.Top));
        if (_alerts is null || string.Equals(_lastAlerted, symbols, StringComparison.Ordinal)) return;
        _lastAlerted = symbols;
        _alerts.Raise(new ServiceAlert("AutoSymbols: new top " + count.ToString(CultureInfo.InvariantCulture),
            $"The scanner now ranks {symbols} (running {string.Join(' ', Running)}; adds {added}, drops {dropped}). It applies at the next restart; symbols with open positions or orders are always kept."));
    }
}
