namespace Smallfish.Emulator;

/// <summary>Which WebSocket connections a fault applies to.</summary>
public enum EmulatorStreamKind : byte
{
    /// <summary>Market-data connections.</summary>
    Public,

    /// <summary>Account connections (Bybit private stream, Binance user data stream).</summary>
    Private,

    /// <summary>Every connection.</summary>
    All,
}
