namespace Smallfish.Emulator.Binance;

/// <summary>What one Binance WebSocket connection is: its route, its mode and what it subscribed.</summary>
internal sealed class BinanceConnectionState
{
    public BinanceConnectionState(BinanceRoute route, bool combined, string? listenKey)
    {
        Route = route;
        Combined = combined;
        ListenKey = listenKey;
    }

    public BinanceRoute Route { get; }

    /// <summary>Events wrapped as <c>{"stream":..,"data":..}</c> (the <c>/stream</c> endpoints, or SET_PROPERTY combined).</summary>
    public bool Combined { get; set; }

    /// <summary>Stream names subscribed, as the client wrote them (LIST_SUBSCRIPTIONS answers with these).</summary>
    public List<string> Streams { get; } = new();

    /// <summary>The listen key of a user-data connection.</summary>
    public string? ListenKey { get; }

    /// <summary>The listen key expired: no more events on this connection.</summary>
    public bool KeyExpired { get; set; }
}

/// <summary>Which endpoint family a market connection came in on (binance-usdm.md section 1: routed since 2026-04-23).</summary>
internal enum BinanceRoute : byte
{
    /// <summary><c>/public</c>: high-frequency book streams.</summary>
    Public,

    /// <summary><c>/market</c>: trades, mark price, klines.</summary>
    Market,

    /// <summary>Legacy <c>/ws</c>, <c>/stream</c>: only the <c>/public</c> streams are delivered.</summary>
    Legacy,

    /// <summary>User data (<c>/private</c>).</summary>
    Private,
}
