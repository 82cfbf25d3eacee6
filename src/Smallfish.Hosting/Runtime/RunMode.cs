namespace Smallfish.Hosting.Runtime;

/// <summary>How the service trades: against what, and with whose money.</summary>
public enum RunMode
{
    /// <summary>Real public market data; fills from the shared fill model in-process; nothing is sent to the exchange.</summary>
    Paper,

    /// <summary>The exchange's testnet, with the testnet API keys.</summary>
    Testnet,

    /// <summary>The exchange's mainnet: real money.</summary>
    Live,

    /// <summary>The loopback venue emulator in-process, fed by the synthetic generator or a recording; no exchange is contacted.</summary>
    Offline,
}
