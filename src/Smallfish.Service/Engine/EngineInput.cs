using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Service.Engine;

/// <summary>
/// One queued input of the engine loop, stored by value in the channel. Market events need no allocation: book
/// updates travel in pooled buffers, trades, quotes and tickers inline. Execution reports and commands are rare and
/// travel as objects.
/// </summary>
internal readonly struct EngineInput
{
    private EngineInput(EngineInputKind kind, BookUpdate? book, in MarketPayload market, object? item, long value)
    {
        Kind = kind;
        Book = book;
        Market = market;
        Item = item;
        Value = value;
    }

    public EngineInputKind Kind { get; }

    public BookUpdate? Book { get; }

    public MarketPayload Market { get; }

    /// <summary>A boxed <see cref="OrderUpdate"/>, <see cref="Fill"/>, <see cref="FundingPayment"/>, or an <see cref="EngineCommand"/>.</summary>
    public object? Item { get; }

    /// <summary>The ping sequence number of a <see cref="EngineInputKind.Ping"/>.</summary>
    public long Value { get; }

    public static EngineInput ForBook(BookUpdate book) => new(EngineInputKind.Book, book, default, null, 0);

    public static EngineInput ForTrade(in TradeEvent trade) => new(EngineInputKind.Trade, null, new MarketPayload(trade), null, 0);

    public static EngineInput ForBbo(in BboEvent bbo) => new(EngineInputKind.Bbo, null, new MarketPayload(bbo), null, 0);

    public static EngineInput ForTicker(in TickerEvent ticker) => new(EngineInputKind.Ticker, null, new MarketPayload(ticker), null, 0);

    public static EngineInput ForOrderUpdate(in OrderUpdate update) => new(EngineInputKind.OrderUpdate, null, default, update, 0);

    public static EngineInput ForFill(in Fill fill) => new(EngineInputKind.Fill, null, default, fill, 0);

    public static EngineInput ForFunding(in FundingPayment payment) => new(EngineInputKind.Funding, null, default, payment, 0);

    public static EngineInput ForTimer() => new(EngineInputKind.Timer, null, default, null, 0);

    public static EngineInput ForPing(long sequence) => new(EngineInputKind.Ping, null, default, null, sequence);

    public static EngineInput ForCommand(EngineCommand command) => new(EngineInputKind.Command, null, default, command, 0);
}
