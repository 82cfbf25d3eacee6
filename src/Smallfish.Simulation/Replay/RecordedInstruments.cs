using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Replay;

/// <summary>
/// Instrument grids for the recordings in <c>shared/data/real</c> whose files do not carry their own (the Bybit
/// recording does: see <see cref="Readers.CryptofeedBybitReader.ReadInstrumentSpecs"/>). Configuration supplies the
/// specs of a live run; these exist so recorded data replays without it.
/// </summary>
public static class RecordedInstruments
{
    /// <summary>
    /// Binance USD-M BTCUSDT and ETHUSDT (hftbacktest recordings): PRICE_FILTER tickSize 0.10 / 0.01, LOT_SIZE stepSize
    /// and minQty 0.001. MIN_NOTIONAL 100 / 20 USDT are the values of the live exchangeInfo as we know them; the
    /// exchangeInfo fixture in shared/protocols lists only BLZUSDT, so they are not verified here. The book does not use them.
    /// </summary>
    public static IEnumerable<InstrumentSpec> BinanceUsdm()
    {
        yield return new InstrumentSpec("BTCUSDT", 0.10m, 0.001m, 0.001m, 100m);
        yield return new InstrumentSpec("ETHUSDT", 0.01m, 0.001m, 0.001m, 20m);
    }

    /// <summary>
    /// The small Binance USD-M alts of the cryptofeed recording (2021-07-22). Their exchangeInfo is not in the data, so
    /// each grid is INFERRED from the most significant decimals seen in any price or size of the ws and http files
    /// (SUSHI 3, AKRO 5, KEEP 4, CTK 5 price decimals; whole-unit sizes everywhere). An inferred grid can only be finer
    /// than the real one, never coarser, so every recorded price and size is still exact in ticks and lots and the book
    /// is exact; only order rounding would need the real grid. Minimum notional is unknown (0).
    /// </summary>
    public static IEnumerable<InstrumentSpec> CryptofeedBinanceAlts()
    {
        yield return new InstrumentSpec("SUSHIUSDT", 0.001m, 1m, 1m, 0m);
        yield return new InstrumentSpec("AKROUSDT", 0.00001m, 1m, 1m, 0m);
        yield return new InstrumentSpec("KEEPUSDT", 0.0001m, 1m, 1m, 0m);
        yield return new InstrumentSpec("CTKUSDT", 0.00001m, 1m, 1m, 0m);
    }
}
