namespace Smallfish.Wire;

/// <summary>Running totals of what a market-data parser saw, by outcome.</summary>
public sealed class WireParserCounters
{
    /// <summary>Messages handed to the parser.</summary>
    public long Messages { get; private set; }

    /// <summary>Messages parsed and pushed.</summary>
    public long Ok { get; private set; }

    /// <summary>Well-formed messages deliberately not used.</summary>
    public long Ignored { get; private set; }

    /// <summary>Messages with an unknown event type or topic.</summary>
    public long UnknownEvents { get; private set; }

    /// <summary>Messages for symbols the run does not know.</summary>
    public long UnknownSymbols { get; private set; }

    /// <summary>Messages rejected as malformed.</summary>
    public long Malformed { get; private set; }

    /// <summary>Counts one message with outcome <paramref name="status"/> and returns the status.</summary>
    internal WireParseStatus Record(WireParseStatus status)
    {
        Messages++;
        switch (status)
        {
            case WireParseStatus.Ok: Ok++; break;
            case WireParseStatus.Ignored: Ignored++; break;
            case WireParseStatus.UnknownEvent: UnknownEvents++; break;
            case WireParseStatus.UnknownSymbol: UnknownSymbols++; break;
            default: Malformed++; break;
        }
        return status;
    }
}
