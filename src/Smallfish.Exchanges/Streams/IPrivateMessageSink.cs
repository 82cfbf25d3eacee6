using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Streams;

/// <summary>Receives what the private-message parsers read from one frame.</summary>
internal interface IPrivateMessageSink
{
    void OnOrder(ExchangeOrder order);

    void OnFill(ExchangeFill fill);

    void OnPosition(ExchangePosition position);

    void OnWallet(ExchangeWallet wallet);

    void OnControl(PrivateControlKind kind, string? detail);
}
