using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Simulation.Venue.Matching;

/// <summary>Everything the simulated venue keeps per symbol.</summary>
internal sealed class VenueSymbol
{
    public VenueSymbol(int index, InstrumentSpec spec, BookSyncMode mode)
    {
        Index = index;
        Spec = spec;
        Book = new OrderBook(spec, index, changeLogCapacity: 16);
        Sync = mode switch
        {
            BookSyncMode.Bybit => new BybitBookSynchronizer(Book),
            BookSyncMode.Binance => new BinanceBookSynchronizer(Book),
            _ => new UncheckedBookSynchronizer(Book),
        };
    }

    public int Index { get; }

    public InstrumentSpec Spec { get; }

    public string Name => Spec.Symbol;

    public OrderBook Book { get; }

    public IBookSynchronizer Sync { get; }

    /// <summary>Resting limit orders and untriggered conditional orders, in the order they joined.</summary>
    public List<VenueOrder> Working { get; } = new();

    public NetPosition Position { get; } = new();

    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }

    public decimal Funding { get; set; }

    /// <summary>Last trade price in ticks (0 before the first trade).</summary>
    public long LastTradeTicks { get; set; }

    /// <summary>Last mark price from a ticker (0 when none).</summary>
    public decimal MarkPrice { get; set; }

    /// <summary>Last funding rate from a ticker, when the stream carried one.</summary>
    public decimal? FundingRate { get; set; }

    /// <summary>Next funding time, ns (0 until the symbol's first market event).</summary>
    public long NextFundingNs { get; set; }

    /// <summary>Sequence key of the next funding settlement.</summary>
    public long NextFundingSequence { get; set; }

    /// <summary>Time of the last settled funding, ns.</summary>
    public long LastFundingNs { get; set; }

    /// <summary>Price used to value the position: ticker mark, else last trade, else mid, else 0.</summary>
    public decimal ValuationPrice()
    {
        if (MarkPrice > 0) return MarkPrice;
        if (LastTradeTicks > 0) return Spec.Price.ToDecimal(LastTradeTicks);
        if (Book.HasTwoSides) return Spec.Price.ToDecimal(Book.BestBid + Book.BestAsk) / 2;
        return 0;
    }

    /// <summary>Price that would fill a market order on <paramref name="side"/> at the touch, else the valuation price.</summary>
    public decimal ReferencePrice(Side side)
    {
        if (MarkPrice > 0) return MarkPrice; // Binance MIN_NOTIONAL uses the mark price for MARKET orders
        long touch = side == Side.Buy ? Book.BestAsk : Book.BestBid;
        return touch > 0 ? Spec.Price.ToDecimal(touch) : ValuationPrice();
    }

    public VenuePosition Snapshot() => new(Name, Position.NetLots, Position.AvgEntryTicks, RealizedPnl, Fees, Funding);
}
