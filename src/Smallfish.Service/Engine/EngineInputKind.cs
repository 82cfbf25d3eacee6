namespace Smallfish.Service.Engine;

/// <summary>What an <see cref="EngineInput"/> carries.</summary>
internal enum EngineInputKind : byte
{
    Book,
    Trade,
    Bbo,
    Ticker,
    OrderUpdate,
    Fill,
    Funding,
    Timer,
    Ping,
    Command,
}
