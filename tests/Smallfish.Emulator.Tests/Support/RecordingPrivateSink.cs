using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>Collects what a private-message parser dispatched from one frame.</summary>
internal sealed class RecordingPrivateSink : IPrivateMessageSink
{
    public List<ExchangeOrder> Orders { get; } = new();

    public List<ExchangeFill> Fills { get; } = new();

    public List<ExchangePosition> Positions { get; } = new();

    public List<ExchangeWallet> Wallets { get; } = new();

    public List<(PrivateControlKind Kind, string? Detail)> Controls { get; } = new();

    public void OnOrder(ExchangeOrder order) => Orders.Add(order);

    public void OnFill(ExchangeFill fill) => Fills.Add(fill);

    public void OnPosition(ExchangePosition position) => Positions.Add(position);

    public void OnWallet(ExchangeWallet wallet) => Wallets.Add(wallet);

    public void OnControl(PrivateControlKind kind, string? detail) => Controls.Add((kind, detail));
}
