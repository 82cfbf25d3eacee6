using Smallfish.Emulator.Hosting;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Binance;

/// <summary>Binance USD-M account endpoints (binance-usdm.md 4.7, section 8): positions, balance, leverage and the listen key.</summary>
internal sealed class BinanceAccountHandlers
{
    private const string ListenKeyPath = "/fapi/v1/listenKey";
    private readonly EmulatorVenue _venue;
    private readonly BinancePublisher _publisher;
    private readonly VenueEmulatorOptions _options;

    public BinanceAccountHandlers(EmulatorVenue venue, BinancePublisher publisher, VenueEmulatorOptions options)
    {
        _venue = venue;
        _publisher = publisher;
        _options = options;
    }

    public void Map(RestRouter r)
    {
        r.Map("GET", "/fapi/v3/positionRisk", RestSecurity.Signed, q => Positions(q, v2: false));
        r.Map("GET", "/fapi/v2/positionRisk", RestSecurity.Signed, q => Positions(q, v2: true));
        r.Map("GET", "/fapi/v3/balance", RestSecurity.Signed, Balance);
        r.Map("GET", "/fapi/v2/balance", RestSecurity.Signed, Balance);
        r.Map("POST", "/fapi/v1/leverage", RestSecurity.Signed, Leverage);
        r.Map("POST", ListenKeyPath, RestSecurity.ApiKey, CreateKey);
        r.Map("PUT", ListenKeyPath, RestSecurity.ApiKey, KeepAlive);
        r.Map("DELETE", ListenKeyPath, RestSecurity.ApiKey, DeleteKey);
    }

    private RestReply Positions(RestRequest q, bool v2)
    {
        string? symbol = q.Param("symbol");
        if (symbol is not null && !_venue.TryGetSymbol(symbol, out _)) return BinanceReplies.InvalidSymbol();
        var rows = new List<(WirePosition Position, int Id)>();
        lock (_venue.Gate)
        {
            for (int i = 0; i < _venue.Instruments.Count; i++)
            {
                if (symbol is not null && _venue.Instruments[i].Symbol != symbol) continue;
                var p = _venue.Position(i);
                bool hasOrders = _venue.Orders.All.Any(o => o.SymbolId == i && o.IsOpen);
                if (!v2 && p.NetLots == 0 && !hasOrders) continue; // v3 lists positions and symbols with open orders only
                rows.Add((p, i));
            }
        }
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (p, id) in rows) BinanceObjectWriter.WritePositionRisk(w, p, _venue.Instruments[id], v2);
            w.WriteEndArray();
        });
    }

    private RestReply Balance(RestRequest q)
    {
        WireWallet wallet;
        lock (_venue.Gate) wallet = _venue.Wallet();
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartArray();
            BinanceObjectWriter.WriteBalance(w, wallet);
            w.WriteEndArray();
        });
    }

    private RestReply Leverage(RestRequest q)
    {
        if (q.Param("symbol") is not { } symbol || !_venue.TryGetSymbol(symbol, out int id)) return BinanceReplies.InvalidSymbol();
        int leverage = BinanceParams.Int(q, "leverage", 0);
        if (leverage < 1 || leverage > _options.MaxLeverage) return BinanceReplies.Error(400, -4028, "Leverage " + leverage.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not valid");
        _venue.SetLeverage(id, leverage);
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("leverage"u8, leverage);
            w.WriteString("maxNotionalValue"u8, "1000000"u8);
            w.WriteString("symbol"u8, symbol);
            w.WriteEndObject();
        });
    }

    private RestReply CreateKey(RestRequest q)
    {
        string key = _publisher.CreateListenKey(q.NowMs);
        return BinanceReplies.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("listenKey"u8, key);
            w.WriteEndObject();
        });
    }

    private RestReply KeepAlive(RestRequest q) => _publisher.KeepAliveListenKey(q.NowMs)
        ? BinanceReplies.Ok(w => { w.WriteStartObject(); w.WriteEndObject(); })
        : BinanceReplies.Error(400, -1125, "This listenKey does not exist.");

    private RestReply DeleteKey(RestRequest q)
    {
        _publisher.DeleteListenKey();
        return BinanceReplies.Ok(w => { w.WriteStartObject(); w.WriteEndObject(); });
    }
}
