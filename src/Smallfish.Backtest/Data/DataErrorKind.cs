namespace Smallfish.Backtest.Data;

/// <summary>Why market data could not be had.</summary>
public enum DataErrorKind
{
    /// <summary>The exchange's archive does not know the symbol.</summary>
    UnknownSymbol,

    /// <summary>No data for a requested day (not published, not local, or the symbol did not trade then).</summary>
    NoData,

    /// <summary>A file is corrupt or truncated (named in the message).</summary>
    CorruptFile,

    /// <summary>A downloaded file does not match the archive's published checksum.</summary>
    ChecksumMismatch,

    /// <summary>The archive could not be reached or answered with an error.</summary>
    Network,

    /// <summary>The request is incomplete (e.g. downloads need a date range).</summary>
    BadRequest,
}
