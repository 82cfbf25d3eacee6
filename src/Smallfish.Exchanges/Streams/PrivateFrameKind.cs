namespace Smallfish.Exchanges.Streams;

/// <summary>What a private-message parser made of one frame.</summary>
internal enum PrivateFrameKind : byte
{
    Data,
    Control,
    Unknown,
    Malformed,
}
