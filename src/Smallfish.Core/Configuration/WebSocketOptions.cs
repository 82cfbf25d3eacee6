using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:WebSocket</c>: exchange stream connections.</summary>
public sealed class WebSocketOptions
{
    /// <summary>Application ping interval, in seconds (Bybit asks for 20).</summary>
    [Range(1, 600)]
    public int PingIntervalSeconds { get; set; } = 20;

    /// <summary>First reconnect delay, in milliseconds; doubles per failed attempt.</summary>
    [Range(1, 600_000)]
    public int ReconnectBackoffMinMs { get; set; } = 500;

    /// <summary>Largest reconnect delay, in milliseconds.</summary>
    [Range(1, 3_600_000)]
    public int ReconnectBackoffMaxMs { get; set; } = 30_000;

    /// <summary>Most symbols subscribed on one connection.</summary>
    [Range(1, 1000)]
    public int MaxSymbolsPerConnection { get; set; } = 50;

    /// <summary>A connection with no message for this long is considered dead and reconnected, in milliseconds.</summary>
    [Range(1, 3_600_000)]
    public int StaleFeedMs { get; set; } = 10_000;
}
