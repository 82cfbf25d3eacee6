using System.Net.Sockets;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>HTTP clients for the tests: direct to 127.0.0.1 (never through a proxy), or over a unix domain socket.</summary>
internal static class LoopbackHttp
{
    public static HttpClient Create(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static HttpClient CreateForUnixSocket(string path) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = new Uri("http://localhost"), Timeout = TimeSpan.FromSeconds(30) };
}
