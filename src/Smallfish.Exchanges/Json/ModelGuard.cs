using System.Collections;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Json;

/// <summary>
/// The last check between a parser and its caller: a body that is well-formed JSON but carries an out-of-range value
/// (a negative size or price, a fill or trade of zero) is malformed, not data. Throws <see cref="FormatException"/>,
/// which the REST interpreters and the private-stream parsers already turn into a malformed result / frame.
/// </summary>
internal static class ModelGuard
{
    /// <summary>Returns <paramref name="value"/> after checking it (and, for lists and tuples, every item).</summary>
    public static T Checked<T>(T value)
    {
        Check(value);
        return value;
    }

    /// <summary>Checks one model, list or tuple; throws <see cref="FormatException"/> naming the first bad field.</summary>
    public static void Check(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case ExchangeOrder o:
                NonNegative(o.Price, "order price");
                NonNegative(o.Qty, "order qty");
                NonNegative(o.FilledQty, "order filled qty");
                NonNegative(o.AvgPrice, "order average price");
                NonNegative(o.TriggerPrice, "order trigger price");
                return;
            case ExchangeFill f:
                NonNegative(f.Qty, "fill qty");
                NonNegative(f.Price, "fill price");
                if (f.IsTrade && (f.Qty == 0 || f.Price == 0)) throw new FormatException("a trade fill needs a positive qty and price");
                return;
            case ExchangePosition p:
                NonNegative(p.Size, "position size");
                NonNegative(p.EntryPrice, "position entry price");
                NonNegative(p.MarkPrice, "position mark price");
                NonNegative(p.Leverage, "position leverage");
                return;
            case ExchangeTrade t:
                if (t.Price <= 0 || t.Qty <= 0) throw new FormatException("a trade needs a positive qty and price");
                return;
            case BookUpdate b:
                Levels(b.Bids);
                Levels(b.Asks);
                return;
            case ExchangeResult<ExchangeOrder> r:
                if (r.Success) Check(r.Data);
                return;
            case string or IDictionary:
                return;
            case IEnumerable items:
                foreach (object? item in items) Check(item);
                return;
            case System.Runtime.CompilerServices.ITuple tuple:
                for (int i = 0; i < tuple.Length; i++) Check(tuple[i]);
                return;
        }
    }

    private static void Levels(LevelList levels)
    {
        for (int i = 0; i < levels.Count; i++)
        {
            if (levels.PriceAt(i) <= 0 || levels.QtyAt(i) < 0) throw new FormatException("a book level needs a positive price and a non-negative size");
        }
    }

    private static void NonNegative(decimal value, string what)
    {
        if (value < 0) throw new FormatException(what + " is negative");
    }
}
