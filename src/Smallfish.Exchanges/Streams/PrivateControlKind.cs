namespace Smallfish.Exchanges.Streams;

/// <summary>Control messages on a private stream.</summary>
internal enum PrivateControlKind : byte
{
    AuthSucceeded,
    AuthFailed,
    SubscribeSucceeded,
    SubscribeFailed,
    Pong,
    ListenKeyExpired,
}
