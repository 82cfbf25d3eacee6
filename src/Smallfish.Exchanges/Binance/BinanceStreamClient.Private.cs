using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Exchanges.Binance;

/// <summary>The user data stream: listen-key life cycle and private frames.</summary>
public sealed partial class BinanceStreamClient
{
    private readonly object _keyGate = new();
    private string? _listenKey;
    private ManagedWebSocket? _userData;
    private ITimer? _keepAliveTimer;

    private protected override Task StartPrivateCoreAsync(CancellationToken ct)
    {
        if (_listenKeys is null) throw new InvalidOperationException("the user data stream needs a listen-key client (API credentials)");
        if (_userData is not null) return Task.CompletedTask;
        // User streams can be silent for hours: no staleness timer; protocol keep-alive (ClientWebSocket) covers dead links.
        _userData = AddConnection(new UserDataHandler(this), new ConnectionSettings("private", IsPrivate: true, TimeSpan.Zero, null, TimeSpan.Zero));
        _keepAliveTimer = Clock.CreateTimer(static s => ((BinanceStreamClient)s!).Schedule(((BinanceStreamClient)s!).KeepAliveAsync),
            this, Options.ListenKeyKeepAliveInterval, Options.ListenKeyKeepAliveInterval);
        return Task.CompletedTask;
    }

    private protected override void OnStopping() => _keepAliveTimer?.Dispose();

    private protected override void OnPrivateFrame(in FrameItem item)
    {
        var kind = BinancePrivateMessageParser.Parse(item.Memory, _dispatcher);
        if (kind is PrivateFrameKind.Malformed or PrivateFrameKind.Unknown) ReportBadFrame(kind == PrivateFrameKind.Malformed, "private frame");
    }

    private void OnPrivateControl(PrivateControlKind kind, string? detail)
    {
        if (kind != PrivateControlKind.ListenKeyExpired) return;
        StreamLog.Info(Log, Name, "listen key expired; renewing");
        Schedule(RenewListenKeyAsync);
    }

    /// <summary>PUT every interval; a key the venue no longer knows (-1125) is replaced and the stream reconnected.</summary>
    private async Task KeepAliveAsync(CancellationToken ct)
    {
        if (_listenKey is null) return;
        var r = await _listenKeys!.KeepAliveListenKeyAsync(ct).ConfigureAwait(false);
        if (r.Success) return;
        StreamLog.PrivateFailure(Log, Name, "listen key keep-alive", r.Error.ToString());
        if (r.ErrorCode == -1125) await RenewListenKeyAsync(ct).ConfigureAwait(false);
    }

    /// <summary>POST a new key and reconnect the user stream to it.</summary>
    private async Task RenewListenKeyAsync(CancellationToken ct)
    {
        var r = await _listenKeys!.CreateListenKeyAsync(ct).ConfigureAwait(false);
        if (!r.Success)
        {
            StreamLog.PrivateFailure(Log, Name, "listen key renewal", r.Error.ToString());
            lock (_keyGate) _listenKey = null; // the next connect attempt tries again
        }
        else
        {
            lock (_keyGate) _listenKey = r.Data;
        }
        _userData?.Drop("listen key renewed");
    }

    private sealed class UserDataHandler : IConnectionHandler
    {
        private readonly BinanceStreamClient _owner;

        public UserDataHandler(BinanceStreamClient owner) => _owner = owner;

        public async ValueTask<Uri> GetUriAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct)
        {
            var keys = _owner._listenKeys!;
            string? key;
            lock (_owner._keyGate) key = _owner._listenKey;
            if (key is not null && isReconnect)
            {
                var alive = await keys.KeepAliveListenKeyAsync(ct).ConfigureAwait(false); // doc: PUT after every reconnect
                if (!alive.Success && alive.ErrorCode == -1125) key = null;
            }
            if (key is null)
            {
                var created = await keys.CreateListenKeyAsync(ct).ConfigureAwait(false);
                if (!created.Success) throw new InvalidOperationException("listen key: " + created.Error.Message); // surfaced loudly, retried with backoff
                key = created.Data;
                lock (_owner._keyGate) _owner._listenKey = key;
            }
            return BinanceStreams.UserData(_owner._endpoints.PrivateWsUrl, key);
        }

        public Task OnOpenedAsync(ManagedWebSocket connection, bool isReconnect, CancellationToken ct) => Task.CompletedTask;
    }
}
