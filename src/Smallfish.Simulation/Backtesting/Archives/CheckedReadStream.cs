namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Wraps a decompressing stream and, at its end, checks the CRC-32 and length of everything read against what the
/// container promised (gzip trailer, zip directory). .NET's GZipStream reports a truncated file as a normal end of
/// data; this turns that, and any InvalidDataException, into an <see cref="ArchiveDataException"/> naming the file.
/// </summary>
internal sealed class CheckedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IDisposable? _owner;
    private readonly string _path;
    private readonly string _kind;
    private readonly uint _expectedCrc;
    private readonly long _expectedLength;
    private readonly bool _lengthModulo32;
    private uint _crc;
    private long _length;
    private bool _verified;

    public CheckedReadStream(Stream inner, IDisposable? owner, string path, string kind, uint expectedCrc, long expectedLength, bool lengthModulo32)
    {
        _inner = inner;
        _owner = owner;
        _path = path;
        _kind = kind;
        _expectedCrc = expectedCrc;
        _expectedLength = expectedLength;
        _lengthModulo32 = lengthModulo32;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveDataException(_path, 0, $"corrupt {_kind} data after {_length} bytes: {e.Message}", e);
        }
        if (n > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..n]);
            _length += n;
        }
        else if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            bool lengthOk = _lengthModulo32 ? (uint)_length == (uint)_expectedLength : _length == _expectedLength;
            if (!lengthOk || _crc != _expectedCrc)
            {
                throw new ArchiveDataException(_path, 0,
                    $"{_kind} data ends early or is corrupt: got {_length} bytes with CRC-32 {_crc:x8}, expected {_expectedLength} bytes with CRC-32 {_expectedCrc:x8} (truncated download?)");
            }
        }
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _owner?.Dispose();
        }
        base.Dispose(disposing);
    }
}
