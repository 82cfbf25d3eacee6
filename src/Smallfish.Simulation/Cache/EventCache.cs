using System.Diagnostics;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// The binary event cache: raw market data (JSON lines, CSV archives) is converted once per symbol into a Smallfish
/// recording (docs/recording-format.md) under <see cref="Directory"/>, named by its <see cref="EventCacheSpec.Key"/>,
/// so later runs and every profile of a sweep replay the compact binary stream instead of parsing text again.
/// </summary>
/// <remarks>
/// <para>Files: <c>{venue}-{symbol}-{key}.sfrec</c> and its manifest <c>.sfrec.json</c>. Both are written under a
/// temporary <c>.part</c> name, flushed to disk and renamed into place (data first, then manifest), so a crash or a
/// concurrent build never leaves a half file under the real name; a data file without a manifest is rebuilt.</para>
/// <para>Before a cache file is used, its manifest must parse and carry the same key, the file length must match, and
/// every block must pass its CRC-32C and framing checks. Anything else (a flipped bit, a truncated file, a stale
/// manifest) deletes the pair and converts again; the outcome says so.</para>
/// </remarks>
public sealed class EventCache
{
    /// <summary>Sub-folder of the cache root that holds event caches.</summary>
    public const string FolderName = "events";

    /// <summary>Uses <paramref name="root"/>/events as the cache folder (created when needed).</summary>
    public EventCache(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Directory = Path.Combine(Path.GetFullPath(root), FolderName);
    }

    /// <summary>The folder holding the cache files.</summary>
    public string Directory { get; }

    /// <summary>The data file path of <paramref name="spec"/>.</summary>
    public string PathOf(EventCacheSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Path.Combine(Directory, $"{Sanitize(spec.Venue)}-{Sanitize(spec.Symbol)}-{spec.Key()}{RecordingFormat.FileExtension}");
    }

    /// <summary>
    /// Returns the valid cache file for <paramref name="spec"/>, converting the inputs (opened with
    /// <paramref name="openReader"/>, merged by exchange time) when there is none or it is corrupt. Reader errors
    /// (<c>ReplayFormatException</c>, <c>ArchiveDataException</c>) propagate, and no cache file is left behind.
    /// </summary>
    public EventCacheEntry GetOrBuild(EventCacheSpec spec, Func<EventCacheInput, IEventReader> openReader, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(openReader);
        string path = PathOf(spec);
        string manifestPath = path + ".json";
        string key = spec.Key();
        string? problem = Validate(path, manifestPath, key, out var manifest);
        if (problem is null) return new EventCacheEntry(path, manifest!, EventCacheOutcome.Hit, null, 0);

        bool existed = File.Exists(path) || File.Exists(manifestPath);
        TryDelete(path);
        TryDelete(manifestPath);
        long started = Stopwatch.GetTimestamp();
        manifest = Build(spec, key, path, manifestPath, openReader, progress);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return existed
            ? new EventCacheEntry(path, manifest, EventCacheOutcome.Rebuilt, problem, seconds)
            : new EventCacheEntry(path, manifest, EventCacheOutcome.Built, null, seconds);
    }

    /// <summary>
    /// Checks the cache pair at <paramref name="path"/>: null when it is valid for <paramref name="key"/>, else what is
    /// wrong ("no cache file", "checksum mismatch at ...").
    /// </summary>
    public static string? Validate(string path, string manifestPath, string key, out EventCacheManifest? manifest)
    {
        manifest = null;
        if (!File.Exists(path)) return "no cache file";
        if (!File.Exists(manifestPath)) return "cache file without its manifest";
        var parsed = EventCacheManifest.TryParse(File.ReadAllBytes(manifestPath));
        if (parsed is null) return "unreadable manifest";
        if (!string.Equals(parsed.Key, key, StringComparison.Ordinal)) return "manifest of another key";
        long length = new FileInfo(path).Length;
        if (length != parsed.Bytes) return $"file is {length} bytes, its manifest says {parsed.Bytes}";
        try
        {
            long blocks = RecordingVerifier.VerifyBlocks(path);
            if (blocks != parsed.Blocks) return $"file has {blocks} blocks, its manifest says {parsed.Blocks}";
        }
        catch (RecordingFormatException e)
        {
            return e.Message;
        }
        manifest = parsed;
        return null;
    }

    private static EventCacheManifest Build(EventCacheSpec spec, string key, string path, string manifestPath,
        Func<EventCacheInput, IEventReader> openReader, Action<long>? progress)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string unique = $".{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        string part = path + unique;
        string manifestPart = manifestPath + unique;
        var sources = new List<ReaderEventSource>(spec.Inputs.Count);
        try
        {
            foreach (var input in spec.Inputs) sources.Add(new ReaderEventSource(openReader(input), spec.ReorderWindowNs));
            var header = new RecordingFileHeader(spec.Venue, 0, [new RecordedInstrument(0, spec.Instrument)]);
            EventCacheManifest manifest;
            using (var merger = new EventMerger(sources))
            {
                using var stream = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                using var writer = new EventCacheWriter(stream, header);
                long nextReport = 1 << 20;
                while (merger.TryPeekTime(out _))
                {
                    merger.DeliverNext(writer);
                    if (progress is not null && merger.Events >= nextReport)
                    {
                        progress(merger.Events);
                        nextReport += 1 << 20;
                    }
                }
                writer.Complete();
                stream.Flush(flushToDisk: true);
                long lines = 0, skipped = 0, late = 0;
                foreach (var s in sources)
                {
                    lines += s.Reader.Lines;
                    skipped += s.Reader.SkippedLines;
                    late += s.LateEvents;
                }
                manifest = new EventCacheManifest
                {
                    Key = key,
                    Venue = spec.Venue,
                    Symbol = spec.Symbol,
                    Source = spec.Describe(),
                    Counts = writer.Counts,
                    Blocks = writer.Blocks,
                    Bytes = writer.Bytes,
                    FirstTsNs = writer.FirstTsNs,
                    LastTsNs = writer.LastTsNs,
                    Lines = lines,
                    SkippedLines = skipped,
                    LateEvents = late + merger.OutOfOrderEvents,
                };
            }
            using (var m = new FileStream(manifestPart, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                m.Write(manifest.ToJson());
                m.Flush(flushToDisk: true);
            }
            File.Move(part, path, overwrite: true);
            File.Move(manifestPart, manifestPath, overwrite: true);
            return manifest;
        }
        catch
        {
            foreach (var s in sources) s.Dispose();
            TryDelete(part);
            TryDelete(manifestPart);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process may hold it; the next validation catches a leftover.
        }
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i])) chars[i] = '_';
        }
        return new string(chars);
    }
}
