using System.Globalization;
using System.Text;

namespace Smallfish.Remote.Email;

/// <summary>
/// Line-level SMTP over a stream: reads (multi-line) replies, writes commands. Every read and write is bounded by the
/// command timeout (wall time).
/// </summary>
internal sealed class SmtpConnection
{
    private const int MaxLineLength = 4096;
    private readonly Stream _stream;
    private readonly TimeSpan _timeout;
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public SmtpConnection(Stream stream, TimeSpan timeout)
    {
        _stream = stream;
        _timeout = timeout;
    }

    /// <summary>True when bytes arrived that nobody has read yet (before STARTTLS this is a protocol violation).</summary>
    public bool HasBufferedData => _end > _start;

    public async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_timeout);
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cts.Token).ConfigureAwait(false);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                throw new IOException("malformed SMTP reply line");
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ') return new SmtpReply(code, lines);
            if (line[3] != '-') throw new IOException("malformed SMTP reply line");
            if (lines.Count > 100) throw new IOException("SMTP reply too long");
        }
    }

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_timeout);
        await _stream.WriteAsync(bytes, cts.Token).ConfigureAwait(false);
        await _stream.FlushAsync(cts.Token).ConfigureAwait(false);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0) throw new IOException("the SMTP server closed the connection");
            }
            while (_start < _end)
            {
                var b = _buffer[_start++];
                if (b == '\n')
                {
                    if (line.Length > 0 && line[^1] == '\r') line.Length--;
                    return line.ToString();
                }
                line.Append((char)b);
                if (line.Length > MaxLineLength) throw new IOException("SMTP reply line too long");
            }
        }
    }
}
