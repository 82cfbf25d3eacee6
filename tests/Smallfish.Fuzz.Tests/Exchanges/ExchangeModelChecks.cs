using System.Collections;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;
using Smallfish.Fuzz.Tests.Harness;

namespace Smallfish.Fuzz.Tests.Exchanges;

/// <summary>
/// The range rules for what the gateways' parsers hand out: orders, fills, positions, trades and books never carry a
/// negative size or price (a fill also has a positive size and price). Throws <see cref="FuzzPropertyException"/>.
/// </summary>
internal static class ExchangeModelChecks
{
    public static void Check(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case IExchangeResult { Success: true } result:
                Check(result.GetType().GetProperty("Data")!.GetValue(result));
                return;
            case ExchangeOrder o:
                NonNegative(o.Price, "order price");
                NonNegative(o.Qty, "order qty");
                NonNegative(o.FilledQty, "order filled qty");
                NonNegative(o.AvgPrice, "order average price");
                NonNegative(o.TriggerPrice, "order trigger price");
                return;
            case ExchangeFill f:
                if (f.IsTrade && f.Qty <= 0) throw new FuzzPropertyException($"fill qty {f.Qty}");
                if (f.IsTrade && f.Price <= 0) throw new FuzzPropertyException($"fill price {f.Price}");
                NonNegative(f.Qty, "fill qty");
                NonNegative(f.Price, "fill price");
                return;
            case ExchangePosition p:
                NonNegative(p.Size, "position size");
                NonNegative(p.EntryPrice, "position entry price");
                NonNegative(p.MarkPrice, "position mark price");
                NonNegative(p.Leverage, "position leverage");
                return;
            case ExchangeTrade t:
                if (t.Price <= 0 || t.Qty <= 0) throw new FuzzPropertyException($"trade {t.Price} x {t.Qty}");
                return;
            case BookUpdate b:
                new CheckingMarketSink().OnBook(b);
                return;
            case IDictionary:
                return;
            case IEnumerable items and not string:
                foreach (object? item in items) Check(item);
                return;
            case System.Runtime.CompilerServices.ITuple tuple:
                for (int i = 0; i < tuple.Length; i++) Check(tuple[i]);
                return;
        }
    }

    private static void NonNegative(decimal value, string what)
    {
        if (value < 0) throw new FuzzPropertyException($"{what} {value}");
    }
}
