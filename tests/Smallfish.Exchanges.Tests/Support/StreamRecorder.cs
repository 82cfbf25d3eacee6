using System.Collections.Concurrent;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Subscribes to every event of a stream client and keeps them in one ordered log (with the parser's frames).</summary>
internal sealed class StreamRecorder
{
    public StreamRecorder(IExchangeStreamClient client, Signal signal)
    {
        Signal = signal;
        client.OrderUpdated += e => Add("order", e);
        client.FillReceived += e => Add("fill", e);
        client.PositionUpdated += e => Add("position", e);
        client.WalletUpdated += e => Add("wallet", e);
        client.ResyncRequired += e => Add("resync", e);
        client.ConnectionChanged += e => Add("connection", e);
    }

    public Signal Signal { get; }

    public ConcurrentQueue<(string Kind, object Event)> Events { get; } = new();

    public IEnumerable<T> Of<T>() => Events.Select(e => e.Event).OfType<T>();

    public List<OrderUpdate> Orders => Of<OrderUpdate>().ToList();

    public List<Fill> Fills => Of<Fill>().ToList();

    public List<ExchangePosition> Positions => Of<ExchangePosition>().ToList();

    public List<ExchangeWallet> Wallets => Of<ExchangeWallet>().ToList();

    public List<StreamResyncSignal> Resyncs => Of<StreamResyncSignal>().ToList();

    public List<StreamConnectionEvent> Connections => Of<StreamConnectionEvent>().ToList();

    /// <summary>The kinds in arrival order, frames included when the parser logs into this recorder.</summary>
    public List<string> Kinds => Events.Select(e => e.Kind).ToList();

    public void Add(string kind, object e)
    {
        Events.Enqueue((kind, e));
        Signal.Pulse();
    }
}
