namespace Smallfish.Exchanges.Authentication;

/// <summary>Makes URLs safe to log: query strings (which carry Binance signatures and listen keys) are removed.</summary>
public static class LogRedaction
{
    /// <summary>Scheme, host, port and path only. Binance listen keys in a stream path are masked too.</summary>
    public static string SafeUrl(Uri? uri)
    {
        if (uri is null) return "";
        string path = uri.AbsolutePath;
        int ws = path.IndexOf("/ws/", StringComparison.Ordinal);
        if (ws >= 0 && path.Length > ws + 4) path = path[..(ws + 4)] + "***";
        return uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}{path}" : path;
    }

    /// <summary>A path with any query string removed.</summary>
    public static string SafePath(string pathAndQuery)
    {
        int q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }
}
