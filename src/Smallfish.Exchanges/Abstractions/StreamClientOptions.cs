namespace Smallfish.Exchanges.Abstractions;

/// <summary>Settings of a stream client. Venue limits are cited from ../protocols; tests shrink the delays.</summary>
public sealed class StreamClientOptions
{
    /// <summary>First reconnect delay; doubles per failed attempt, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on the reconnect delay (Bybit: at most 500 new connections per 5 min per host; don't flap).</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for the WebSocket handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A public connection with no frame for this long is considered dead and reconnected (0 disables).</summary>
    public TimeSpan PublicStaleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A private connection with no frame for this long is reconnected (0 disables). Bybit answers every ping, so
    /// silence there means a dead link; Binance user streams may be silent for hours, so the Binance client relies on
    /// protocol-level keep-alive instead.
    /// </summary>
    public TimeSpan PrivateStaleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often staleness is checked.</summary>
    public TimeSpan StaleCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bybit JSON heartbeat interval: doc says send <c>{"op":"ping"}</c> every 20 s.</summary>
    public TimeSpan BybitPingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Protocol-level WebSocket keep-alive (ClientWebSocket pings); Binance answers and expects nothing else.</summary>
    public TimeSpan ProtocolKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bounded queue between the public sockets and the parser; full = drop newest, count, resync.</summary>
    public int PublicQueueCapacity { get; set; } = 8192;

    /// <summary>Bounded queue for the private stream; full = the socket reader waits (private data is never dropped).</summary>
    public int PrivateQueueCapacity { get; set; } = 1024;

    /// <summary>Largest frame accepted; larger frames are counted as malformed and skipped.</summary>
    public int MaxFrameBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Bybit: characters of <c>args</c> per public connection (doc: at most 21,000).</summary>
    public int BybitMaxArgsCharsPerConnection { get; set; } = 21_000;

    /// <summary>Bybit: topics per subscribe request (doc: no count limit for linear; spot allows 10, so 10 is safe everywhere).</summary>
    public int BybitMaxArgsPerRequest { get; set; } = 10;

    /// <summary>Bybit private auth: signature expiry ahead of server time (doc: must be in the future; 1 s fails under latency, use at least 10 s).</summary>
    public TimeSpan BybitAuthExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait for the auth / subscribe acknowledgement before reconnecting.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Binance: streams per connection. Doc cap is 1024; 200 keeps SUBSCRIBE messages and reconnect bursts small.</summary>
    public int BinanceMaxStreamsPerConnection { get; set; } = 200;

    /// <summary>Binance: a connection is replaced after this long (doc: a connection lives at most 24 h).</summary>
    public TimeSpan BinanceConnectionLifetime { get; set; } = TimeSpan.FromHours(23);

    /// <summary>Binance: how long the old and the new connection overlap while cycling (duplicates dropped by update id).</summary>
    public TimeSpan BinanceCycleOverlap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Binance: listenKey keep-alive period (doc: key lives 60 min; maintainers advise about every 30 min).</summary>
    public TimeSpan ListenKeyKeepAliveInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Binance: depth snapshot size fetched for book sync (doc procedure uses limit=1000).</summary>
    public int BinanceSnapshotDepth { get; set; } = 1000;

    /// <summary>Fetch a Binance REST snapshot on connect/reconnect/overflow for every depth stream.</summary>
    public bool FetchBookSnapshots { get; set; } = true;

    /// <summary>
    /// Also raise fills from the low-latency fee-less messages (Bybit <c>execution.fast</c>, Binance <c>TRADE_LITE</c>).
    /// The first message for an execution id wins, so fees of such fills are reported as 0.
    /// </summary>
    public bool UseLowLatencyFills { get; set; }

    /// <summary>Execution ids remembered for de-duplication.</summary>
    public int FillDedupCapacity { get; set; } = 4096;
}
