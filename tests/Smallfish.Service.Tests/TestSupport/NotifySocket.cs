using System.Net.Sockets;
using System.Text;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>A real unix datagram socket playing systemd's notify socket: bound to a file path or an abstract name.</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _file;

    private NotifySocket(string name, string? file)
    {
        Name = name;
        _file = file;
    }

    /// <summary>What goes into NOTIFY_SOCKET.</summary>
    public string Name { get; }

    /// <summary>A socket bound to a file in <paramref name="directory"/>.</summary>
    public static NotifySocket AtPath(string directory)
    {
        string path = Path.Combine(directory, "notify.sock");
        var socket = new NotifySocket(path, path);
        socket._socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>A socket bound to a Linux abstract name (written <c>@name</c> in NOTIFY_SOCKET).</summary>
    public static NotifySocket Abstract()
    {
        string name = "smallfish-test-" + Guid.NewGuid().ToString("N");
        var socket = new NotifySocket("@" + name, null);
        socket._socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
        return socket;
    }

    /// <summary>
    /// Every datagram already delivered, oldest first, without waiting. A datagram on a local unix socket is in the
    /// receiver's queue once the sender's send has returned, so this sees everything sent before the call.
    /// </summary>
    public List<string> Drain()
    {
        var messages = new List<string>();
        var buffer = new byte[4096];
        while (_socket.Available > 0)
        {
            int n = _socket.Receive(buffer);
            messages.Add(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return messages;
    }

    /// <summary>Waits (bounded) for the next datagram; used where the sender is another process.</summary>
    public string? Receive(TimeSpan timeout)
    {
        if (!_socket.Poll(timeout, SelectMode.SelectRead)) return null;
        var buffer = new byte[4096];
        int n = _socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_file is not null) File.Delete(_file);
    }
}
