using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Fuzz.Tests.Exchanges;

/// <summary>A private-stream sink that range-checks every order, fill and position it is handed.</summary>
internal sealed class CheckingPrivateSink : IPrivateMessageSink
{
    public long Events { get; private set; }

    public void OnOrder(ExchangeOrder order) => Count(order);

    public void OnFill(ExchangeFill fill) => Count(fill);

    public void OnPosition(ExchangePosition position) => Count(position);

    public void OnWallet(ExchangeWallet wallet) => Count(wallet);

    public void OnControl(PrivateControlKind kind, string? detail) => Events++;

    private void Count(object value)
    {
        ExchangeModelChecks.Check(value);
        Events++;
    }
}
