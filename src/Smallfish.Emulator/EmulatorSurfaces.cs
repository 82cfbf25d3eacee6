namespace Smallfish.Emulator;

/// <summary>Which exchange protocols the emulator serves (both share one venue, one book and one account).</summary>
[Flags]
public enum EmulatorSurfaces : byte
{
    /// <summary>Bybit v5 linear: <c>/v5/...</c>, <c>/v5/public/linear</c>, <c>/v5/private</c>.</summary>
    Bybit = 1,

    /// <summary>Binance USD-M: <c>/fapi/...</c>, <c>/ws</c>, <c>/stream</c>, the routed <c>/public</c>, <c>/market</c>, <c>/private</c> streams.</summary>
    Binance = 2,

    /// <summary>Both.</summary>
    Both = Bybit | Binance,
}
