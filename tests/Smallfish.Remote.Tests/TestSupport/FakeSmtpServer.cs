using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>One mail the fake server accepted.</summary>
internal sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string WireData, string Data, bool OverTls, string? AuthMechanism,
    string? AuthUser, string? AuthPassword)
{
    public string Header(string name)
    {
        var headerBlock = Data[..Data.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var unfolded = headerBlock.Replace("\r\n ", " ", StringComparison.Ordinal);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return line[(name.Length + 1)..].Trim();
        }
        throw new KeyNotFoundException(name);
    }

    public string Body
    {
        get
        {
            var body = Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            if (Header("Content-Transfer-Encoding") == "base64") body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
            return body;
        }
    }

    /// <summary>The subject with RFC 2047 encoded words decoded.</summary>
    public string Subject
    {
        get
        {
            var raw = Header("Subject");
            if (!raw.StartsWith("=?utf-8?B?", StringComparison.OrdinalIgnoreCase)) return raw;
            var sb = new StringBuilder();
            foreach (var word in raw.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                sb.Append(Encoding.UTF8.GetString(Convert.FromBase64String(word["=?utf-8?B?".Length..^2])));
            return sb.ToString();
        }
    }
}

/// <summary>
/// A small SMTP server on 127.0.0.1:0 (TcpListener) for tests: greeting, EHLO with configurable extensions, STARTTLS
/// with a self-signed certificate made in the test (CertificateRequest), implicit TLS, AUTH PLAIN/LOGIN, MAIL/RCPT,
/// DATA with dot-unstuffing, QUIT; and failure modes (421 on connect, silence, 550 on RCPT, 535 on AUTH).
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedMail> _mails = new();
    private readonly object _gate = new();
    private readonly List<Task> _sessions = new();
    private TaskCompletionSource _mailArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _accepting;
    private int _connections;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool OfferStartTls { get; init; }

    public bool ImplicitTls { get; init; }

    public string[] AuthMechanisms { get; init; } = [];

    public X509Certificate2? Certificate { get; init; }

    /// <summary>Answer this many connections with "421" and hang up.</summary>
    public int RejectConnections { get; set; }

    /// <summary>Accept connections but never say anything.</summary>
    public bool Silent { get; init; }

    /// <summary>Refuse every RCPT TO with 550.</summary>
    public bool RejectRecipients { get; init; }

    /// <summary>Refuse AUTH with 535.</summary>
    public bool RejectAuth { get; init; }

    /// <summary>Refuse AUTH before TLS, like real submission servers.</summary>
    public bool RequireTlsForAuth { get; init; } = true;

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedMail> Mails { get { lock (_gate) return [.. _mails]; } }

    /// <summary>Everything the clients sent, line by line (AUTH lines included, to check for what crossed the wire).</summary>
    public List<string> Transcript { get; } = new();

    public static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public FakeSmtpServer Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
        return this;
    }

    public async Task<ReceivedMail> WaitForMailAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow + Waiting.Guard;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_mails.Count >= count) return _mails[count - 1];
                signal = _mailArrived.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) Assert.Fail($"no mail #{count} arrived; connections: {Connections}");
            await Task.WhenAny(signal, Task.Delay(remaining));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null) await _accepting;
        Task[] sessions;
        lock (_gate) sessions = [.. _sessions];
        await Task.WhenAll(sessions);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            lock (_gate) _sessions.Add(SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            Stream stream = client.GetStream();
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            if (RejectConnections > 0)
            {
                RejectConnections--;
                await Send(stream, "421 4.3.2 Service not available, closing channel");
                return;
            }
            var tls = false;
            if (ImplicitTls)
            {
                stream = await ServerTlsAsync(stream);
                tls = true;
            }
            await Send(stream, "220 fake.smtp ESMTP ready");
            string? from = null, mechanism = null, user = null, password = null;
            var recipients = new List<string>();
            while (true)
            {
                var line = await ReadLine(stream);
                if (line is null) return;
                lock (_gate) Transcript.Add(line);
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        var ext = new List<string> { "fake.smtp" };
                        if (OfferStartTls && !tls) ext.Add("STARTTLS");
                        if (AuthMechanisms.Length > 0) ext.Add("AUTH " + string.Join(' ', AuthMechanisms));
                        ext.Add("8BITMIME");
                        for (int i = 0; i < ext.Count; i++) await Send(stream, (i < ext.Count - 1 ? "250-" : "250 ") + ext[i]);
                        break;
                    case "STARTTLS":
                        await Send(stream, "220 2.0.0 Ready to start TLS");
                        stream = await ServerTlsAsync(stream);
                        tls = true;
                        break;
                    case "AUTH":
                        if (RequireTlsForAuth && !tls)
                        {
                            await Send(stream, "538 5.7.11 Encryption required");
                            break;
                        }
                        var parts = line.Split(' ');
                        mechanism = parts[1].ToUpperInvariant();
                        if (mechanism == "PLAIN")
                        {
                            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
                            (user, password) = (fields[1], fields[2]);
                        }
                        else
                        {
                            await Send(stream, "334 VXNlcm5hbWU6");
                            user = Encoding.UTF8.GetString(Convert.FromBase64String((await ReadLine(stream))!));
                            await Send(stream, "334 UGFzc3dvcmQ6");
                            password = Encoding.UTF8.GetString(Convert.FromBase64String((await ReadLine(stream))!));
                        }
                        await Send(stream, RejectAuth ? "535 5.7.8 Authentication credentials invalid" : "235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = Between(line, '<', '>');
                        recipients.Clear();
                        await Send(stream, "250 2.1.0 OK");
                        break;
                    case "RCPT":
                        if (RejectRecipients)
                        {
                            await Send(stream, "550 5.1.1 No such user");
                            break;
                        }
                        recipients.Add(Between(line, '<', '>'));
                        await Send(stream, "250 2.1.5 OK");
                        break;
                    case "DATA":
                        await Send(stream, "354 End data with <CR><LF>.<CR><LF>");
                        var wire = new StringBuilder();
                        var data = new StringBuilder();
                        while (true)
                        {
                            var l = await ReadLine(stream) ?? throw new IOException("closed in DATA");
                            if (l == ".") break;
                            wire.Append(l).Append("\r\n");
                            data.Append(l.StartsWith('.') ? l[1..] : l).Append("\r\n");
                        }
                        lock (_gate)
                        {
                            _mails.Add(new ReceivedMail(from!, [.. recipients], wire.ToString(), data.ToString(), tls, mechanism, user, password));
                            var s = _mailArrived;
                            _mailArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            s.TrySetResult();
                        }
                        await Send(stream, "250 2.0.0 OK queued");
                        break;
                    case "QUIT":
                        await Send(stream, "221 2.0.0 Bye");
                        return;
                    default:
                        await Send(stream, "502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException
            or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the test ended.
        }
    }

    private async Task<Stream> ServerTlsAsync(Stream stream)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token);
        return ssl;
    }

    private async Task Send(Stream stream, string line)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private async Task<string?> ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one, _stop.Token);
            if (n == 0) return bytes.Count == 0 ? null : throw new IOException("unterminated line");
            if (one[0] == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
                return Encoding.UTF8.GetString([.. bytes]);
            }
            bytes.Add(one[0]);
        }
    }

    private static string Between(string s, char open, char close)
    {
        var a = s.IndexOf(open, StringComparison.Ordinal);
        var b = s.IndexOf(close, a + 1);
        return s[(a + 1)..b];
    }
}
