namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Reads a text stream line by line into one reused byte buffer that grows only for a longer line than any before
/// (order-book lines run to hundreds of KB). Strips "\r\n" and a UTF-8 byte-order mark.
/// </summary>
internal sealed class ArchiveLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buf = new byte[1 << 16];
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof;

    /// <summary>The longest line accepted (16 MiB).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    public ArchiveLineReader(Stream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public long LineNumber { get; private set; }

    public ReadOnlySpan<byte> Current => _buf.AsSpan(_lineStart, _lineLength);

    public bool MoveNext()
    {
        while (true)
        {
            int nl = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                SetLine(_start, nl);
                _start += nl + 1;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) return false;
                SetLine(_start, _end - _start);
                _start = _end;
                return true;
            }
            Fill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private void SetLine(int start, int length)
    {
        if (length > 0 && _buf[start + length - 1] == (byte)'\r') length--;
        if (LineNumber == 0 && length >= 3 && _buf[start] == 0xEF && _buf[start + 1] == 0xBB && _buf[start + 2] == 0xBF)
        {
            start += 3;
            length -= 3;
        }
        _lineStart = start;
        _lineLength = length;
        LineNumber++;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buf.Length)
        {
            // One line fills the buffer: grow it, but never without bound (a corrupt file or a gzip bomb of one endless line).
            if (_buf.Length >= MaxLineBytes) throw new ArchiveDataException(Path, LineNumber + 1, $"line longer than {MaxLineBytes / (1024 * 1024)} MiB (corrupt file)");
            Array.Resize(ref _buf, Math.Min(_buf.Length * 2, MaxLineBytes));
        }
        int n = _stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }
}
