using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Smallfish.Core.Instruments;
using Smallfish.Simulation.Recording;

namespace Smallfish.Simulation.Cache;

/// <summary>
/// What a cached stream is made of: one symbol of one venue, read from <see cref="Inputs"/> with the given grid and
/// error policy, merged by exchange time. <see cref="Key"/> identifies it: a hash of all of this plus every input
/// file's full path, length and last write time, the recording format version and <see cref="ConverterVersion"/>.
/// Touching, replacing or growing a source file, or upgrading the converter, gives a new key, so a stale cache is
/// never replayed.
/// </summary>
public sealed record EventCacheSpec
{
    /// <summary>Bump when the conversion (readers, merge rules) changes what a cache holds.</summary>
    public const int ConverterVersion = 1;

    /// <summary>Venue name, e.g. "binance" (goes into the recording header).</summary>
    public required string Venue { get; init; }

    /// <summary>The symbol; the cache holds it as symbol id 0.</summary>
    public required InstrumentSpec Instrument { get; init; }

    /// <summary>The readers' inputs, in merge priority order (ties in exchange time go to the earlier input).</summary>
    public required IReadOnlyList<EventCacheInput> Inputs { get; init; }

    /// <summary>"stop" or "skip": what the readers did with a malformed line (a skip cache records how many).</summary>
    public string ErrorPolicy { get; init; } = "stop";

    /// <summary>Reorder window of each input, ns (see <see cref="ReaderEventSource"/>).</summary>
    public long ReorderWindowNs { get; init; } = ReaderEventSource.DefaultReorderWindowNs;

    /// <summary>The symbol.</summary>
    public string Symbol => Instrument.Symbol;

    /// <summary>The canonical text the key is hashed from (one fact per line).</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("smallfish event cache\n");
        sb.Append(inv, $"recording-format {RecordingFormat.Version}\nconverter {ConverterVersion}\n");
        sb.Append(inv, $"venue {Venue}\nsymbol {Instrument.Symbol}\n");
        sb.Append(inv, $"grid {Instrument.TickSize} {Instrument.QtyStep} {Instrument.MinQty} {Instrument.MinNotional}\n");
        sb.Append(inv, $"policy {ErrorPolicy}\nreorder-ns {ReorderWindowNs}\n");
        foreach (var input in Inputs)
        {
            sb.Append(inv, $"input {input.Format}\n");
            foreach (string file in input.Files)
            {
                var info = new FileInfo(file);
                long length = info.Exists ? info.Length : -1;
                long mtime = info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
                sb.Append(inv, $"file {info.FullName} {length} {mtime}\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The cache key: the first 128 bits of the SHA-256 of <see cref="Describe"/>, in lower-case hex.</summary>
    public string Key()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Describe()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
