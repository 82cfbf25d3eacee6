namespace Smallfish.Remote.Telegram.Commands;

/// <summary>The remote-control commands.</summary>
public enum RemoteCommand
{
    /// <summary>A slash command Smallfish does not know.</summary>
    Unknown,

    /// <summary><c>/status</c>.</summary>
    Status,

    /// <summary><c>/trades [n]</c>.</summary>
    Trades,

    /// <summary><c>/equity</c>.</summary>
    Equity,

    /// <summary><c>/grid</c>.</summary>
    Grid,

    /// <summary><c>/kill</c>, then <c>/kill confirm</c>.</summary>
    Kill,

    /// <summary><c>/resume</c>, then <c>/resume confirm</c>.</summary>
    Resume,

    /// <summary><c>/config</c>.</summary>
    Config,

    /// <summary><c>/help</c> (and Telegram's <c>/start</c>).</summary>
    Help,
}
