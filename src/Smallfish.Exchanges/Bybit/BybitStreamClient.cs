using Microsoft.Extensions.Logging;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Authentication;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Streams;
using Smallfish.Exchanges.Time;

namespace Smallfish.Exchanges.Bybit;

/// <summary>
/// Bybit v5 streams (bybit-v5.md sections 7 to 9). Public: topics split across connections by the 21,000-character
/// args limit, subscribed in requests of at most <see cref="StreamClientOptions.BybitMaxArgsPerRequest"/> topics,
/// JSON ping every 20 s; on reconnect or overflow every book topic is resubscribed (Bybit answers with a snapshot)
/// and a resync signal is raised first. Private: auth message (<c>GET/realtime</c> + expires, signed), wait for the
/// ack, subscribe order / execution / position / wallet, ping every 20 s.
/// </summary>
public sealed class BybitStreamClient : ExchangeStreamClientBase
{
    private readonly ExchangeEndpoints _endpoints;
    private readonly BybitSigner? _signer;
    private readonly ServerClock _serverClock;
    private readonly PrivateEventDispatcher _dispatcher;
    private readonly Dictionary<int, PublicGroup> _groups = new();
    private readonly object _groupsGate = new();
    private PrivateHandler? _private;
    private long _requestId;

    /// <summary>Creates a client. <paramref name="serverClock"/> (from the REST client) dates the auth expiry; local time when null.</summary>
    public BybitStreamClient(
        ExchangeEndpoints endpoints,
        ApiCredentials? credentials,
        IInstrumentLookup instruments,
        StreamClientOptions? options = null,
        TimeProvider? clock = null,
        ILogger? logger = null,
        ServerClock? serverClock = null,
        Func<double>? random = null)
        : base(ExchangeKind.Bybit, options, clock, logger, random)
    {
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        _signer = credentials is null ? null : new BybitSigner(credentials);
        _serverClock = serverClock ?? new ServerClock(Clock);
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
    public override async Task RequestBookResyncAsync(string symbol, CancellationToken ct = default)
    {
        foreach (var (group, topics) in BookTopics(symbol)) await ResubscribeAsync(group, topics, ct).ConfigureAwait(false);
    }

    private protected override Task StartPublicCoreAsync(IReadOnlyList<MarketSubscription> subscriptions, CancellationToken ct)
    {
        var topics = subscriptions.Select(BybitTopics.Topic).Distinct(StringComparer.Ordinal).ToList();
        var books = subscriptions.Where(s => s.Channel == MarketChannel.OrderBook).ToDictionary(s => BybitTopics.Topic(s), s => s.Symbol, StringComparer.Ordinal);
        var settings = new ConnectionSettings("public", IsPrivate: false, Options.BybitPingInterval, BybitTopics.Ping, Options.PublicStaleTimeout);
        foreach (var groupTopics in SubscriptionPlanner.ByCharacters(topics, Options.BybitMaxArgsCharsPerConnection))
        {
            var group = new PublicGroup(groupTopics, groupTopics.Where(books.ContainsKey).ToDictionary(t => t, t => books[t], StringComparer.Ordinal));
            var connection = AddConnection(new PublicHandler(this, group), settings);
            group.Connection = connection;
            lock (_groupsGate) _groups[connection.Id] = group;
        }
        return Task.CompletedTask;
    }

    private protected override Task StartPrivateCoreAsync(CancellationToken ct)
    {
        if (_signer is null) throw new InvalidOperationException("the private stream needs API credentials");
        if (_private is not null) return Task.CompletedTask;
        _private = new PrivateHandler(this);
        AddConnection(_private, new ConnectionSettings("private", IsPrivate: true, Options.BybitPingInterval, BybitTopics.Ping, Options.PrivateStaleTimeout));
        return Task.CompletedTask;
    }

    private protected override void OnPublicFrame(in FrameItem item)
    {
        var frame = item.Span;
        if (!BybitControlFrame.TryRead(frame, out bool isControl, out string? failure))
        {
            ReportBadFrame(malformed: true, "unreadable control frame");
            return;
        }
        if (isControl)
        {
            if (failure is not null) StreamLog.Info(Log, Name, "public stream refused a request: " + failure);
            return;
        }
        var kind = Parser!.Parse(frame, item.LocalTsNs, Sink!);
        if (kind is MarketFrameKind.Malformed or MarketFrameKind.Unknown) ReportBadFrame(kind == MarketFrameKind.Malformed, "public frame");
    }

    private protected override void OnPrivateFrame(in FrameItem item)
    {
        var kind = BybitPrivateMessageParser.Parse(item.Memory, _dispatcher);
        if (kind is PrivateFrameKind.Malformed or PrivateFrameKind.Unknown) ReportBadFrame(kind == PrivateFrameKind.Malformed, "private frame");
    }

    private protected override void OnPublicOverflow()
    {
        PublicGroup[] groups;
        lock (_groupsGate) groups = _groups.Values.ToArray();
        foreach (var g in groups)
        {
            foreach (string symbol in g.BookSymbols.Values) RaiseResync(new StreamResyncSignal(symbol, IsPrivate: false, ResyncReason.Overflow));
            if (g.BookSymbols.Count > 0) Schedule(ct => ResubscribeAsync(g, g.BookSymbols.Keys.ToList(), ct));
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
        // The connection resubscribes all its topics itself; Bybit sends a fresh snapshot for every book topic.
        foreach (string symbol in group.BookSymbols.Values) RaiseResync(new StreamResyncSignal(symbol, IsPrivate: false, ResyncReason.Reconnected));
    }

    private void OnPrivateControl(PrivateControlKind kind, string? detail)
    {
        switch (kind)
        {
            case PrivateControlKind.AuthSucceeded:
                _private?.AuthAnswered(true, detail);
                break;
            case PrivateControlKind.AuthFailed:
                _private?.AuthAnswered(false, detail);
                break;
            case PrivateControlKind.SubscribeFailed:
                StreamLog.PrivateFailure(Log, Name, "subscribe", detail ?? "");
                break;
        }
    }

    private IEnumerable<(PublicGroup Group, List<string> Topics)> BookTopics(string symbol)
    {
        PublicGroup[] groups;
        lock (_groupsGate) groups = _groups.Values.ToArray();
        foreach (var g in groups)
        {
            var topics = g.BookSymbols.Where(kv => kv.Value == symbol).Select(kv => kv.Key).ToList();
            if (topics.Count > 0) yield return (g, topics);
        }
    }

    private async Task ResubscribeAsync(PublicGroup group, List<string> topics, CancellationToken ct)
    {
        var connection = group.Connection;
        if (connection is null || !connection.IsConnected) return; // a reconnect resubscribes anyway
        await connection.SendTextAsync(BybitTopics.Request("unsubscribe", topics, NextRequestId()), ct).ConfigureAwait(false);
        await connection.SendTextAsync(BybitTopics.Request("subscribe", topics, NextRequestId()), ct).ConfigureAwait(false);
    }

    private long NextRequestId() => Interlocked.Increment(ref _requestId);

    private sealed class PublicGroup
    {
        public PublicGroup(List<string> topics, Dictionary<string, string> bookSymbols)
        {
            Topics = topics;
            BookSymbols = bookSymbols;
        }

        public List<string> Topics { get; }

        /// <summary>Book topic to symbol.</summary>
        public Dictionary<string, string> BookSymbols { get; }

        public ManagedWebSocket? Connection { get; set; }
    }

    private sealed class PublicHandler : IConnectionHandler
    {
        private readonly BybitStreamClient _owner;
        private readonly PublicGroup _group;

        public PublicHandler(BybitStreamClient owner, PublicGroup group)
        {
            _owner = owner;
            _group = group;
        }

        public ValueTask<Uri> GetUriAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct) => ValueTask.FromResult(_owner._endpoints.PublicWsUrl);

        public async Task OnOpenedAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct)
        {
            foreach (var chunk in SubscriptionPlanner.ByCount(_group.Topics, _owner.Options.BybitMaxArgsPerRequest))
            {
                await connection.SendTextAsync(BybitTopics.Request("subscribe", chunk, _owner.NextRequestId()), ct).ConfigureAwait(false);
            }
        }
    }

    private sealed class PrivateHandler : IConnectionHandler
    {
        private readonly BybitStreamClient _owner;
        private TaskCompletionSource<(bool Ok, string? Detail)> _auth = NewAuth();

        public PrivateHandler(BybitStreamClient owner) => _owner = owner;

        public ValueTask<Uri> GetUriAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct) => ValueTask.FromResult(_owner._endpoints.PrivateWsUrl);

        public void AuthAnswered(bool ok, string? detail) => _auth.TrySetResult((ok, detail));

        public async Task OnOpenedAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct)
        {
            var auth = _auth = NewAuth();
            long expires = _owner._serverClock.NowMs() + (long)_owner.Options.BybitAuthExpiry.TotalMilliseconds;
            await connection.SendTextAsync(_owner._signer!.BuildWebSocketAuthMessage(expires, "auth-" + _owner.NextRequestId().ToString(System.Globalization.CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
            var (ok, detail) = await auth.Task.WaitAsync(_owner.Options.AckTimeout, _owner.Clock, ct).ConfigureAwait(false);
            if (!ok)
            {
                _owner.PrivateQueue.TryEnqueueControl(new FrameItem(FrameItemKind.Connection, connection.Id,
                    payload: new StreamConnectionEvent(connection.Id, IsPrivate: true, StreamConnectionState.AuthFailed, detail)));
                throw new InvalidOperationException("auth refused: " + detail);
            }
            await connection.SendTextAsync(BybitTopics.Request("subscribe", BybitTopics.Private(_owner.Options.UseLowLatencyFills), _owner.NextRequestId()), ct).ConfigureAwait(false);
        }

        private static TaskCompletionSource<(bool, string?)> NewAuth() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
