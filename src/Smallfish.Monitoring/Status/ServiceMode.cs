namespace Smallfish.Monitoring.Status;

/// <summary>How the service trades: against what, and with whose money.</summary>
public enum ServiceMode
{
    /// <summary>Not reported (an empty snapshot).</summary>
    Unknown = 0,

    /// <summary>Live market data, simulated fills; no orders reach the exchange.</summary>
    Paper,

    /// <summary>The exchange's testnet.</summary>
    Testnet,

    /// <summary>The exchange's mainnet: real money.</summary>
    Live,

    /// <summary>The loopback venue emulator or a replay; no exchange is contacted.</summary>
    Offline,
}
