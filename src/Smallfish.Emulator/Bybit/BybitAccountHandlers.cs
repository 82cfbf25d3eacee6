using System.Globalization;
using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Bybit;

/// <summary>Bybit v5 position and account endpoints (bybit-v5.md 4.12 to 4.15): one-way mode, cross margin, UNIFIED account.</summary>
internal sealed class BybitAccountHandlers
{
    private readonly EmulatorVenue _venue;
    private readonly VenueEmulatorOptions _options;

    public BybitAccountHandlers(EmulatorVenue venue, VenueEmulatorOptions options)
    {
        _venue = venue;
        _options = options;
    }

    public void Map(RestRouter r)
    {
        r.Map("GET", "/v5/position/list", RestSecurity.Signed, Positions);
        r.Map("GET", "/v5/account/wallet-balance", RestSecurity.Signed, Wallet);
        r.Map("POST", "/v5/position/set-leverage", RestSecurity.Signed, SetLeverage);
        r.Map("POST", "/v5/position/trading-stop", RestSecurity.Signed, TradingStop);
    }

    private RestReply Positions(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        string? symbol = p.Str("symbol");
        if (symbol is null && p.Str("settleCoin") is null) return Params(q, "symbol or settleCoin is required");
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out _)) return Params(q, "symbol invalid");
        var rows = new List<(WirePosition Position, int Id)>();
        lock (_venue.Gate)
        {
            for (int i = 0; i < _venue.Instruments.Count; i++)
            {
                if (symbol is not null && _venue.Instruments[i].Symbol != symbol) continue;
                var pos = _venue.Position(i);
                if (symbol is null && pos.NetLots == 0) continue; // by settle coin: open positions only
                rows.Add((pos, i));
            }
        }
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteStartArray("list"u8);
            foreach (var (pos, id) in rows) BybitObjectWriter.WritePosition(w, pos, _venue.Instruments[id], webSocket: false);
            w.WriteEndArray();
            w.WriteString("nextPageCursor"u8, ""u8);
            w.WriteString("category"u8, "linear"u8);
        });
    }

    private RestReply Wallet(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("accountType") != "UNIFIED") return Params(q, "accountType only support UNIFIED");
        WireWallet wallet;
        lock (_venue.Gate) wallet = _venue.Wallet();
        return BybitReplies.Ok(q.NowMs, w =>
        {
            w.WriteStartArray("list"u8);
            BybitObjectWriter.WriteWallet(w, wallet);
            w.WriteEndArray();
        });
    }

    private RestReply SetLeverage(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        if (p.Str("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out int id)) return Params(q, "symbol invalid");
        string? buy = p.Str("buyLeverage"), sell = p.Str("sellLeverage");
        if (buy != sell) return Params(q, "buy leverage must equal sell leverage in one-way mode");
        if (!decimal.TryParse(buy, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal lev) || lev != decimal.Truncate(lev) || lev < 1 || lev > _options.MaxLeverage)
            return Params(q, "leverage invalid");
        if (!_venue.SetLeverage(id, (int)lev)) return BybitReplies.Error(BybitReplies.LeverageNotModified, "Set leverage not modified", q.NowMs);
        return BybitReplies.Ok(q.NowMs, _ => { });
    }

    private RestReply TradingStop(RestRequest q)
    {
        var p = BybitParams.Of(q);
        if (p.Str("category") != "linear") return Params(q, "category only support linear");
        if (p.Str("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out int id)) return Params(q, "symbol invalid");
        if (p.Str("tpslMode") is not "Full") return Params(q, "only tpslMode Full is supported by the emulator");
        if (p.Int("positionIdx", 0) != 0) return Params(q, "position idx not match position mode");
        if (p.Str("trailingStop") is { Length: > 0 } trailing && trailing != "0") return Params(q, "trailingStop is not supported by the emulator");
        var spec = _venue.Instruments[id];
        foreach (var (name, leg) in new[] { ("stopLoss", WireStopKind.StopLoss), ("takeProfit", WireStopKind.TakeProfit) })
        {
            string? text = p.Str(name);
            if (text is null) continue;
            long ticks = 0;
            if (text != "0" && (!BybitParams.TrySteps(text, spec.Price, out ticks) || ticks <= 0)) return Params(q, name + " invalid");
            var outcome = _venue.SetPositionStop(id, leg, ticks);
            if (!outcome.Accepted) return BybitReplies.Error(BybitReplies.ParamsError, outcome.Message, q.NowMs);
        }
        return BybitReplies.Ok(q.NowMs, _ => { });
    }

    private static RestReply Params(RestRequest q, string message) => BybitReplies.Error(BybitReplies.ParamsError, "params error: " + message, q.NowMs);
}
