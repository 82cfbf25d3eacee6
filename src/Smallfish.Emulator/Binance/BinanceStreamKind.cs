namespace Smallfish.Emulator.Binance;

/// <summary>Market streams the emulator serves (binance-usdm.md section 6).</summary>
internal enum BinanceStreamKind : byte
{
    /// <summary><c>@depth</c>, <c>@depth@100ms</c>, <c>@depth@250ms</c>, <c>@depth@500ms</c>, <c>@depth@0ms</c>: diffs (sent on every change).</summary>
    Depth,

    /// <summary><c>@bookTicker</c>.</summary>
    BookTicker,

    /// <summary><c>@aggTrade</c>.</summary>
    AggTrade,

    /// <summary><c>@trade</c>.</summary>
    Trade,

    /// <summary><c>@markPrice</c>, <c>@markPrice@1s</c>.</summary>
    MarkPrice,

    /// <summary><c>@kline_*</c>: accepted, candles are served over REST only.</summary>
    Kline,
}
