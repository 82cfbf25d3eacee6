using System.Globalization;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// The recorder's file side: appends sealed blocks to the current file, starting a new file (with a fresh header) on a
/// new UTC day of the clock or before the size limit would be passed. Used by the recorder's writer task only.
/// </summary>
internal sealed class RecordingFileWriter
{
    private readonly MarketRecorderOptions _options;
    private readonly ILogger _logger;
    private FileStream? _stream;
    private DateOnly _day;
    private long _length;
    private int _headerLength;
    private long _blocks, _bytes, _files;
    private volatile string? _currentPath;

    public RecordingFileWriter(MarketRecorderOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public long BlocksWritten => Interlocked.Read(ref _blocks);

    public long BytesWritten => Interlocked.Read(ref _bytes);

    public long FilesOpened => Interlocked.Read(ref _files);

    public string? CurrentPath => _currentPath;

    public void Write(RecordingBlock block)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (_stream is not null && (day != _day || (_length + block.Length > _options.MaxFileBytes && _length > _headerLength))) Close();
        if (_stream is null) Open(day, _options.TimeProvider.GetUnixTimeNs());
        _stream!.Write(block.Bytes);
        _length += block.Length;
        Interlocked.Add(ref _bytes, block.Length);
        Interlocked.Increment(ref _blocks);
    }

    /// <summary>Pushes written bytes to the operating system.</summary>
    public void FlushToOs() => _stream?.Flush(flushToDisk: false);

    /// <summary>Pushes written bytes to the disk.</summary>
    public void Sync() => _stream?.Flush(flushToDisk: true);

    /// <summary>Syncs and closes the current file.</summary>
    public void Close()
    {
        if (_stream is null) return;
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        _stream = null;
        _currentPath = null;
    }

    /// <summary>Drops the current file after a write error (the next block starts a new file).</summary>
    public void Abandon()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (IOException)
        {
            // Already failing; the next block opens a new file.
        }
        _stream = null;
        _currentPath = null;
    }

    private void Open(DateOnly day, long nowNs)
    {
        Directory.CreateDirectory(_options.Directory);
        string stem = _options.FilePrefix + "-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
        for (int n = 1; ; n++)
        {
            string path = Path.GetFullPath(Path.Combine(_options.Directory, stem + n.ToString("D3", CultureInfo.InvariantCulture) + RecordingFormat.FileExtension));
            if (File.Exists(path)) continue;
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            }
            catch (IOException) when (File.Exists(path))
            {
                continue;
            }
            var header = new RecordingFileHeader(_options.Venue, nowNs, _options.Instruments).Encode();
            stream.Write(header);
            _stream = stream;
            _day = day;
            _length = _headerLength = header.Length;
            _currentPath = path;
            Interlocked.Add(ref _bytes, header.Length);
            Interlocked.Increment(ref _files);
            RecorderLog.FileOpened(_logger, path, null);
            return;
        }
    }
}
