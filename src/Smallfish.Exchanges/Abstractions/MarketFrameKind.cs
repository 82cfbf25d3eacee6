namespace Smallfish.Exchanges.Abstractions;

/// <summary>What a market-data parser made of one frame.</summary>
public enum MarketFrameKind : byte
{
    /// <summary>Data events were pushed to the sink.</summary>
    Data,

    /// <summary>A control message (subscribe ack, pong); nothing pushed.</summary>
    Control,

    /// <summary>Well-formed but not a message this parser knows; nothing pushed.</summary>
    Unknown,

    /// <summary>Could not be parsed; nothing pushed.</summary>
    Malformed,
}
