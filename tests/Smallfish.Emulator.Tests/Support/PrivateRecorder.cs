using System.Collections.Concurrent;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Records a stream client's private events and connection changes.</summary>
internal sealed class PrivateRecorder
{
    public PrivateRecorder(IExchangeStreamClient client)
    {
        client.OrderUpdated += u => Orders.Enqueue(u);
        client.FillReceived += f => Fills.Enqueue(f);
        client.PositionUpdated += p => Positions.Enqueue(p);
        client.WalletUpdated += w => Wallets.Enqueue(w);
        client.ConnectionChanged += c => Connections.Enqueue(c);
        client.ResyncRequired += r => Resyncs.Enqueue(r);
    }

    public ConcurrentQueue<OrderUpdate> Orders { get; } = new();

    public ConcurrentQueue<Fill> Fills { get; } = new();

    public ConcurrentQueue<ExchangePosition> Positions { get; } = new();

    public ConcurrentQueue<ExchangeWallet> Wallets { get; } = new();

    public ConcurrentQueue<StreamConnectionEvent> Connections { get; } = new();

    public ConcurrentQueue<StreamResyncSignal> Resyncs { get; } = new();

    public IEnumerable<OrderUpdate> Of(string clientOrderId) => Orders.Where(o => o.ClientOrderId == clientOrderId);

    public bool Has(string clientOrderId, OrderStatus status) => Orders.Any(o => o.ClientOrderId == clientOrderId && o.Status == status);

    public int PrivateConnects => Connections.Count(c => c.IsPrivate && c.State == StreamConnectionState.Connected);
}
