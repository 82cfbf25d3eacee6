namespace Smallfish.Wire;

/// <summary>What a market-data parser did with one message. Parsers never throw for bad input; they say so here.</summary>
public enum WireParseStatus : byte
{
    /// <summary>The message was understood and its events (possibly none, e.g. an empty trade list) were pushed.</summary>
    Ok,

    /// <summary>A well-formed message the engine does not use (subscription acks, pongs, klines, partial depth).</summary>
    Ignored,

    /// <summary>Well-formed JSON with an event type or topic this parser does not know; counted and skipped.</summary>
    UnknownEvent,

    /// <summary>A known event for a symbol that is not in the symbol table or the instrument catalog; skipped.</summary>
    UnknownSymbol,

    /// <summary>Invalid JSON, a missing or mistyped field, or a price or size off the instrument's grid. Nothing was pushed.</summary>
    Malformed,
}
