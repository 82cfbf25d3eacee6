namespace Smallfish.Emulator.Bybit;

/// <summary>What one Bybit WebSocket connection asked for.</summary>
internal sealed class BybitConnectionState
{
    /// <summary>Public topics subscribed.</summary>
    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    /// <summary>Private stream: authenticated with the account's key.</summary>
    public bool Authenticated { get; set; }

    /// <summary>Private topics subscribed, normalized without the <c>.linear</c> suffix.</summary>
    public HashSet<string> PrivateTopics { get; } = new(StringComparer.Ordinal);
}
