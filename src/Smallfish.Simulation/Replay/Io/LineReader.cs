using System.Buffers.Binary;
using System.IO.Compression;

namespace Smallfish.Simulation.Replay.Io;

/// <summary>
/// Reads a text file line by line into one reused, growing byte buffer; gzip is recognized by its magic bytes and
/// decompressed as a stream. .NET's GZipStream reports a truncated file as a normal end of data, so the reader keeps
/// a CRC-32 and length of everything it decompressed and checks them against the gzip trailer at the end: a truncated
/// or corrupt file raises <see cref="ReplayFormatException"/> naming the line where the data stopped, never a quiet
/// short read. (A multi-member gzip file fails that check too and is reported, not misread.)
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _gzip;
    private readonly uint _expectedCrc;
    private readonly uint _expectedSize;
    private byte[] _buf;
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof;
    private uint _crc;
    private long _size;

    /// <summary>The longest line accepted (16 MiB); a longer one is a format error, not a reason to allocate more.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    public LineReader(string path, int bufferSize = 1 << 16)
    {
        Path = path;
        _buf = new byte[Math.Max(256, bufferSize)];
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            _gzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            if (_gzip)
            {
                if (file.Length < 18) throw new ReplayFormatException(path, 1, "gzip file is too short to hold a header and trailer (truncated)");
                Span<byte> trailer = stackalloc byte[8];
                file.Seek(-8, SeekOrigin.End);
                file.ReadExactly(trailer);
                _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
            }
            file.Seek(0, SeekOrigin.Begin);
            _stream = _gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>1-based number of the current line (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line without its line break; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Current => _buf.AsSpan(_lineStart, _lineLength);

    /// <summary>Advances to the next line; false at the end of the file.</summary>
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
                SetLine(_start, _end - _start); // a last line without a final newline
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
            // One line fills the buffer: grow it, but not without bound (a hostile or corrupt file, or a gzip bomb of
            // one endless line, must not take all memory). The largest real line is under 1 MB.
            if (_buf.Length >= MaxLineBytes)
            {
                throw new ReplayFormatException(Path, LineNumber + 1, $"line longer than {MaxLineBytes / (1024 * 1024)} MiB (not a line-oriented file, or corrupt)");
            }
            Array.Resize(ref _buf, Math.Min(_buf.Length * 2, MaxLineBytes));
        }
        int n;
        try
        {
            n = _stream.Read(_buf, _end, _buf.Length - _end);
        }
        catch (InvalidDataException e)
        {
            throw new ReplayFormatException(Path, LineNumber + 1, "corrupt gzip data: " + e.Message, e);
        }
        if (n == 0)
        {
            _eof = true;
            if (_gzip) VerifyTrailer();
            return;
        }
        if (_gzip)
        {
            _crc = Crc32.Append(_crc, _buf.AsSpan(_end, n));
            _size += n;
        }
        _end += n;
    }

    private void VerifyTrailer()
    {
        if (_crc == _expectedCrc && (uint)_size == _expectedSize) return;
        throw new ReplayFormatException(Path, LineNumber + 1,
            $"gzip data ends early or is corrupt: decompressed {_size} bytes with CRC-32 {_crc:x8}, but the file's trailer " +
            $"says {_expectedSize} bytes (mod 2^32) with CRC-32 {_expectedCrc:x8} (truncated file, or a multi-member gzip, which is not supported)");
    }
}
