using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Binance USD-M streams (binance-usdm.md sections 6 to 8). Public: streams grouped by route and split at
/// <see cref="StreamClientOptions.BinanceMaxStreamsPerConnection"/> per connection (doc cap 1024), combined format
/// (<c>/stream</c>), one batched SUBSCRIBE per connection (the venue allows 10 incoming messages per second);
/// ping frames are answered by ClientWebSocket itself. After (re)connect and on overflow a REST depth snapshot is
/// fetched for every depth stream and handed to the sink in order. Connections are replaced before the 24 h limit:
/// the new one opens first and duplicates are dropped by update id until the old one is gone. Private: user data
/// stream on a listen key, kept alive every 30 min, renewed on <c>listenKeyExpired</c> or -1125.
/// </summary>
public sealed partial class BinanceStreamClient : ExchangeStreamClientBase
{
    private readonly ExchangeEndpoints _endpoints;
    private readonly IExchangeRestClient? _rest;
    private readonly IListenKeyClient? _listenKeys;
    private readonly PrivateEventDispatcher _dispatcher;
    private readonly BinanceDuplicateFilter _duplicates = new();
    private readonly Dictionary<int, PublicGroup> _groups = new();
    private readonly object _groupsGate = new();
    private int _dedupeDepth;
    private TaskCompletionSource _overlapStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _requestId;

    /// <summary>
    /// Creates a client. <paramref name="rest"/> fetches book snapshots (null: no snapshots are fetched);
    /// <paramref name="listenKeys"/> manages the user-data key (required for the private stream).
    /// </summary>
    public BinanceStreamClient(
        ExchangeEndpoints endpoints,
        IExchangeRestClient? rest,
        IListenKeyClient? listenKeys,
        IInstrumentLookup instruments,
        StreamClientOptions? options = null,
        TimeProvider? clock = null,
        ILogger? logger = null,
        Func<double>? random = null)
        : base(ExchangeKind.Binance, options, clock, logger, random)
    {
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        _rest = rest;
        _listenKeys = listenKeys;
        _dispatcher = new PrivateEventDispatcher(Name, instruments ?? throw new ArgumentNullException(nameof(instruments)), Options, Statistics, Log)
        {
            OrderUpdated = RaiseOrder,
            FillReceived = RaiseFill,
            PositionUpdated = RaisePosition,
            WalletUpdated = RaiseWallet,
            Control = OnPrivateControl,
        };
    }

    /// <inheritdoc />
    public override async Task RequestBookResyncAsync(string symbol, CancellationToken ct = default) =>
        await FetchSnapshotAsync(symbol, ct).ConfigureAwait(false);

    private protected override Task StartPublicCoreAsync(IReadOnlyList<MarketSubscription> subscriptions, CancellationToken ct)
    {
        foreach (bool publicRoute in new[] { true, false })
        {
            var subs = subscriptions.Where(s => BinanceStreams.IsPublicRoute(s.Channel) == publicRoute).ToList();
            if (subs.Count == 0) continue;
            var depth = subs.Where(s => s.Channel == MarketChannel.OrderBook).ToDictionary(BinanceStreams.Name, s => s.Symbol, StringComparer.Ordinal);
            Uri routeBase = publicRoute ? _endpoints.PublicWsUrl : _endpoints.MarketWsUrl ?? _endpoints.PublicWsUrl;
            var names = subs.Select(BinanceStreams.Name).Distinct(StringComparer.Ordinal);
            foreach (var streams in SubscriptionPlanner.ByCount(names, Options.BinanceMaxStreamsPerConnection))
            {
                var group = new PublicGroup(routeBase, streams, streams.Where(depth.ContainsKey).Select(s => depth[s]).ToList());
                StartGroupConnection(group, isReplacement: false);
            }
        }
        return Task.CompletedTask;
    }

    private protected override void OnPublicFrame(in FrameItem item)
    {
        var frame = item.Span;
        if (frame.IndexOf("\"stream\""u8) < 0)
        {
            if (!BinanceControlFrame.IsAcknowledgement(frame, out string? failure)) ReportBadFrame(malformed: false, "public frame without stream");
            else if (failure is not null) StreamLog.Info(Log, Name, "public stream refused a request: " + failure);
            return;
        }
        if (_dedupeDepth > 0 && _duplicates.IsDuplicate(frame, item.ConnectionId))
        {
            Statistics.OnDuplicate();
            return;
        }
        var kind = Parser!.Parse(frame, item.LocalTsNs, Sink!);
        if (kind is MarketFrameKind.Malformed or MarketFrameKind.Unknown) ReportBadFrame(kind == MarketFrameKind.Malformed, "public frame");
    }

    private protected override void OnPublicOverflow()
    {
        foreach (string symbol in AllDepthSymbols())
        {
            RaiseResync(new StreamResyncSignal(symbol, IsPrivate: false, ResyncReason.Overflow));
            Schedule(ct => FetchSnapshotAsync(symbol, ct));
        }
    }

    private protected override void OnReconnected(int connectionId, bool isPrivate)
    {
        if (isPrivate)
        {
            RaiseResync(new StreamResyncSignal(null, IsPrivate: true, ResyncReason.Reconnected));
            return;
        }
        PublicGroup? group;
        lock (_groupsGate) _groups.TryGetValue(connectionId, out group);
        if (group is null) return;
        // The connection fetches fresh snapshots after resubscribing; the synchronizer must drop its book first.
        foreach (string symbol in group.DepthSymbols) RaiseResync(new StreamResyncSignal(symbol, IsPrivate: false, ResyncReason.Reconnected));
    }

    private protected override void OnDedupeMarker(FrameItemKind kind, int connectionId)
    {
        if (kind == FrameItemKind.DedupeOn)
        {
            if (_dedupeDepth++ == 0) _duplicates.Reset();
        }
        else if (_dedupeDepth > 0)
        {
            _dedupeDepth--;
        }
    }

    /// <summary>Completes when a cycle's overlap period has started (its timer exists); for deterministic tests.</summary>
    internal Task CycleOverlapStarted => _overlapStarted.Task;

    private void StartGroupConnection(PublicGroup group, bool isReplacement)
    {
        var settings = new ConnectionSettings("public", IsPrivate: false, TimeSpan.Zero, null, Options.PublicStaleTimeout,
            Options.BinanceConnectionLifetime, c => Schedule(ct => CycleAsync(group, c, ct)));
        var connection = AddConnection(new PublicHandler(this, group, fetchSnapshotsOnFirstOpen: !isReplacement), settings);
        lock (_groupsGate) _groups[connection.Id] = group;
        if (!isReplacement) group.Connection = connection;
        group.Pending = isReplacement ? connection : null;
    }

    /// <summary>Opens a replacement connection, waits until it delivers, lets both overlap, then closes the old one.</summary>
    private async Task CycleAsync(PublicGroup group, ManagedWebSocket old, CancellationToken ct)
    {
        if (!ReferenceEquals(group.Connection, old) || group.Pending is not null) return;
        if (_overlapStarted.Task.IsCompleted) _overlapStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await PublicQueue.EnqueueControlAsync(new FrameItem(FrameItemKind.DedupeOn, old.Id), ct).ConfigureAwait(false);
        StartGroupConnection(group, isReplacement: true);
        var fresh = group.Pending!;
        try
        {
            await fresh.FirstFrameReceived.WaitAsync(Options.ConnectTimeout + Options.AckTimeout, Clock, ct).ConfigureAwait(false);
            var overlap = Task.Delay(Options.BinanceCycleOverlap, Clock, ct);
            _overlapStarted.TrySetResult();
            await overlap.ConfigureAwait(false);
            group.Connection = fresh;
            group.Pending = null;
            await PublicQueue.EnqueueControlAsync(new FrameItem(FrameItemKind.Connection, old.Id,
                payload: new StreamConnectionEvent(old.Id, IsPrivate: false, StreamConnectionState.Cycled, "replaced by connection " + fresh.Id)), ct).ConfigureAwait(false);
            await RemoveConnectionAsync(old).ConfigureAwait(false);
            lock (_groupsGate) _groups.Remove(old.Id);
        }
        catch (TimeoutException)
        {
            StreamLog.Info(Log, Name, "replacement connection delivered nothing; keeping the old one");
            group.Pending = null;
            await RemoveConnectionAsync(fresh).ConfigureAwait(false);
            lock (_groupsGate) _groups.Remove(fresh.Id);
        }
        finally
        {
            PublicQueue.TryEnqueueControl(new FrameItem(FrameItemKind.DedupeOff, old.Id));
        }
    }

    private async Task FetchSnapshotAsync(string symbol, CancellationToken ct)
    {
        if (_rest is null || !Options.FetchBookSnapshots) return;
        var result = await _rest.GetOrderBookAsync(symbol, Options.BinanceSnapshotDepth, ct).ConfigureAwait(false);
        if (!result.Success)
        {
            StreamLog.SnapshotFailed(Log, Name, symbol, result.Error.ToString());
            return;
        }
        await PublicQueue.EnqueueControlAsync(new FrameItem(FrameItemKind.Snapshot, -1, payload: result.Data), ct).ConfigureAwait(false);
    }

    private IEnumerable<string> AllDepthSymbols()
    {
        PublicGroup[] groups;
        lock (_groupsGate) groups = _groups.Values.Distinct().ToArray();
        return groups.SelectMany(g => g.DepthSymbols).Distinct(StringComparer.Ordinal).ToList();
    }

    private long NextRequestId() => Interlocked.Increment(ref _requestId);

    private sealed class PublicGroup
    {
        public PublicGroup(Uri routeBase, List<string> streams, List<string> depthSymbols)
        {
            RouteBase = routeBase;
            Streams = streams;
            DepthSymbols = depthSymbols;
        }

        public Uri RouteBase { get; }

        public List<string> Streams { get; }

        public List<string> DepthSymbols { get; }

        public ManagedWebSocket? Connection { get; set; }

        public ManagedWebSocket? Pending { get; set; }
    }

    private sealed class PublicHandler : IConnectionHandler
    {
        private readonly BinanceStreamClient _owner;
        private readonly PublicGroup _group;
        private bool _fetchOnFirstOpen;

        public PublicHandler(BinanceStreamClient owner, PublicGroup group, bool fetchSnapshotsOnFirstOpen)
        {
            _owner = owner;
            _group = group;
            _fetchOnFirstOpen = fetchSnapshotsOnFirstOpen;
        }

        public ValueTask<Uri> GetUriAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct) =>
            ValueTask.FromResult(BinanceStreams.Combined(_group.RouteBase));

        public async Task OnOpenedAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct)
        {
            await connection.SendTextAsync(BinanceStreams.Subscribe(_group.Streams, _owner.NextRequestId()), ct).ConfigureAwait(false);
            bool fetch = isReconnect || _fetchOnFirstOpen;
            _fetchOnFirstOpen = false;
            if (!fetch || _group.DepthSymbols.Count == 0 || _owner._rest is null || !_owner.Options.FetchBookSnapshots) return;
            try
            {
                // Doc procedure: open the stream and buffer first, then take the snapshot.
                await connection.FirstFrameReceived.WaitAsync(_owner.Options.AckTimeout, _owner.Clock, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // fetch anyway; a stale snapshot is detected by the synchronizer and requested again
            }
            foreach (string symbol in _group.DepthSymbols) await _owner.FetchSnapshotAsync(symbol, ct).ConfigureAwait(false);
        }
    }
}
