using System.Buffers;
using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Wire.Writing;

namespace Smallfish.Wire.Bybit;

/// <summary>
/// Writes Bybit v5 private stream messages (bybit-v5.md section 9): <c>{"id","topic","creationTime","data":[...]}</c> for
/// the all-in-one topics <c>order</c>, <c>execution</c>, <c>execution.fast</c>, <c>position</c> and <c>wallet</c>.
/// </summary>
public static class BybitPrivateFrameWriter
{
    /// <summary>One order update on the <c>order</c> topic.</summary>
    public static void WriteOrder(IBufferWriter<byte> output, in WireOrder order, InstrumentSpec spec, string id, long creationTimeMs)
    {
        using var w = Begin(output, "order"u8, id, creationTimeMs);
        BybitObjectWriter.WriteOrder(w, order, spec, webSocket: true);
        End(w);
    }

    /// <summary>One fill on the <c>execution</c> topic.</summary>
    public static void WriteExecution(IBufferWriter<byte> output, in WireOrder order, in WireExecution execution, InstrumentSpec spec, string id, long creationTimeMs)
    {
        using var w = Begin(output, "execution"u8, id, creationTimeMs);
        BybitObjectWriter.WriteExecution(w, order, execution, spec, webSocket: true);
        End(w);
    }

    /// <summary>One fill on the <c>execution.fast</c> topic.</summary>
    public static void WriteFastExecution(IBufferWriter<byte> output, in WireOrder order, in WireExecution execution, InstrumentSpec spec, string id, long creationTimeMs)
    {
        using var w = Begin(output, "execution.fast"u8, id, creationTimeMs);
        BybitObjectWriter.WriteFastExecution(w, order, execution, spec);
        End(w);
    }

    /// <summary>One position row on the <c>position</c> topic.</summary>
    public static void WritePosition(IBufferWriter<byte> output, in WirePosition position, InstrumentSpec spec, string id, long creationTimeMs)
    {
        using var w = Begin(output, "position"u8, id, creationTimeMs);
        BybitObjectWriter.WritePosition(w, position, spec, webSocket: true);
        End(w);
    }

    /// <summary>The wallet on the <c>wallet</c> topic.</summary>
    public static void WriteWallet(IBufferWriter<byte> output, in WireWallet wallet, string id, long creationTimeMs)
    {
        using var w = Begin(output, "wallet"u8, id, creationTimeMs);
        BybitObjectWriter.WriteWallet(w, wallet);
        End(w);
    }

    private static Utf8JsonWriter Begin(IBufferWriter<byte> output, ReadOnlySpan<byte> topic, string id, long creationTimeMs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(id);
        var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("id"u8, id);
        w.WriteString("topic"u8, topic);
        w.WriteNumber("creationTime"u8, creationTimeMs);
        w.WriteStartArray("data"u8);
        return w;
    }

    private static void End(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
