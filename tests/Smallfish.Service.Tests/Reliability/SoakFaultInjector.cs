using Smallfish.Emulator;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// Arms one emulator fault at a time, chosen by a seeded random source, and counts every kind injected. Faults with a
/// duration (slow frames, partial fills, random 5xx) are switched off again by <see cref="Tick"/>.
/// </summary>
internal sealed class SoakFaultInjector
{
    private static readonly string[] BybitOrderPaths = ["/v5/order/create", "/v5/order/cancel", "/v5/order/amend", "/v5/position/trading-stop"];
    private static readonly string[] BinanceOrderPaths = ["/fapi/v1/order", "/fapi/v1/algoOrder", "/fapi/v1/batchOrders"];

    private readonly VenueEmulator _emulator;
    private readonly string _symbol;
    private readonly Random _random;
    private readonly string[] _orderPaths;
    private readonly int _kinds;
    private long _frameDelayUntilMs;
    private long _partialFillsUntilMs;
    private long _serverErrorsUntilMs;

    /// <param name="emulator">The venue.</param>
    /// <param name="symbol">The symbol traded.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="binance">True when the service trades on the emulator's Binance protocol: the order paths are
    /// Binance's, and listen-key expiry is a twelfth kind of fault.</param>
    public SoakFaultInjector(VenueEmulator emulator, string symbol, int seed, bool binance = false)
    {
        _emulator = emulator;
        _symbol = symbol;
        _random = new Random(seed);
        _orderPaths = binance ? BinanceOrderPaths : BybitOrderPaths;
        _kinds = binance ? 12 : 11;
    }

    /// <summary>Faults injected, by kind.</summary>
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Milliseconds until the next fault should be armed (0.4 to 1.6 s).</summary>
    public int NextGapMs() => _random.Next(400, 1600);

    /// <summary>Arms one fault, chosen at random; <paramref name="nowMs"/> is the wall time (Unix ms).</summary>
    public void InjectOne(long nowMs)
    {
        switch (_random.Next(_kinds))
        {
            case 0:
                _emulator.Faults.DropConnections(EmulatorSurfaces.Both, EmulatorStreamKind.Public);
                Count("connection-drop-public");
                break;
            case 1:
                _emulator.Faults.DropConnections(EmulatorSurfaces.Both, EmulatorStreamKind.Private);
                Count("connection-drop-private");
                break;
            case 2:
                _emulator.Faults.SkipNextBookDelta(EmulatorSurfaces.Both, _symbol, _random.Next(1, 3));
                Count("sequence-gap");
                break;
            case 3:
                _emulator.Faults.FrameDelay = TimeSpan.FromMilliseconds(_random.Next(50, 400));
                _frameDelayUntilMs = nowMs + _random.Next(500, 2000);
                Count("delayed-frames");
                break;
            case 4:
                _emulator.Faults.FailNextRequests(1, Pick(), _random.Next(2) == 0 ? 503 : 502, executeFirst: _random.Next(2) == 0);
                Count("http-5xx");
                break;
            case 5:
                _emulator.Faults.HoldNextResponses(1, TimeSpan.FromMilliseconds(_random.Next(1500, 6000)), Pick());
                Count("timeout");
                break;
            case 6:
                _emulator.Faults.RateLimitNext(1, Pick(), TimeSpan.FromMilliseconds(_random.Next(200, 800)));
                Count("rate-limit");
                break;
            case 7:
                _emulator.Faults.MaxFillLots = _random.Next(1, 4);
                _partialFillsUntilMs = nowMs + _random.Next(2000, 6000);
                Count("partial-fills");
                break;
            case 8:
                _emulator.Faults.RejectNextPostOnly(1);
                Count("reject-post-only");
                break;
            case 9:
                _emulator.Faults.RejectNextForMargin(1);
                Count("reject-margin");
                break;
            case 11:
                _emulator.Faults.ExpireListenKeys();
                Count("listen-key-expired");
                break;
            default:
                _emulator.Faults.ServerErrorProbability = 0.05;
                _serverErrorsUntilMs = nowMs + _random.Next(1000, 3000);
                Count("random-5xx-window");
                break;
        }
    }

    /// <summary>Ends the timed faults whose time is up.</summary>
    public void Tick(long nowMs)
    {
        if (_frameDelayUntilMs != 0 && nowMs >= _frameDelayUntilMs)
        {
            _emulator.Faults.FrameDelay = TimeSpan.Zero;
            _frameDelayUntilMs = 0;
        }

        if (_partialFillsUntilMs != 0 && nowMs >= _partialFillsUntilMs)
        {
            _emulator.Faults.MaxFillLots = 0;
            _partialFillsUntilMs = 0;
        }

        if (_serverErrorsUntilMs != 0 && nowMs >= _serverErrorsUntilMs)
        {
            _emulator.Faults.ServerErrorProbability = 0;
            _serverErrorsUntilMs = 0;
        }
    }

    /// <summary>A REST path for a counted fault: one of the order paths, or any call (null) one time in five.</summary>
    private string? Pick() => _random.Next(5) == 0 ? null : _orderPaths[_random.Next(_orderPaths.Length)];

    public void Count(string kind) => Counts[kind] = Counts.TryGetValue(kind, out int n) ? n + 1 : 1;
}
