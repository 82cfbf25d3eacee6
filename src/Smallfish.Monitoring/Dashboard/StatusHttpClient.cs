using System.Net.Sockets;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>HTTP clients for reading a service's status endpoint: direct (never through a proxy) or over its unix socket.</summary>
public static class StatusHttpClient
{
    /// <summary>A client that connects directly to the status address, bypassing any configured proxy.</summary>
    public static HttpClient Create() => new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A client whose every connection goes to the unix domain socket at <paramref name="path"/>; use any http://localhost/ URI.</summary>
    public static HttpClient CreateForUnixSocket(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
