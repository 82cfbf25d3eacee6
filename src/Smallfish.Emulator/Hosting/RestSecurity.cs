namespace Smallfish.Emulator.Hosting;

/// <summary>What an endpoint requires (binance-usdm.md section 2 security types; Bybit: signed or public).</summary>
internal enum RestSecurity : byte
{
    /// <summary>Public market data.</summary>
    None,

    /// <summary>API key only (Binance USER_STREAM: listen-key calls).</summary>
    ApiKey,

    /// <summary>API key, timestamp and signature.</summary>
    Signed,
}
