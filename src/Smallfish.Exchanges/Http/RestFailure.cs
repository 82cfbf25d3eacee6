namespace Smallfish.Exchanges.Http;

/// <summary>Why no HTTP answer arrived.</summary>
internal enum RestFailure : byte
{
    None,
    Timeout,
    Network,
}
