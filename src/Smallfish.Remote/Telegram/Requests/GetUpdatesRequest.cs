namespace Smallfish.Remote.Telegram.Requests;

/// <summary>A <c>getUpdates</c> long-poll request.</summary>
public sealed record GetUpdatesRequest
{
    /// <summary>
    /// First update id to return; <c>last update_id + 1</c> confirms everything before it. Negative takes updates from
    /// the end of the queue. Null omits the parameter.
    /// </summary>
    public long? Offset { get; init; }

    /// <summary>1-100; null for the server default (100).</summary>
    public int? Limit { get; init; }

    /// <summary>Long-poll seconds; 0 is short polling.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>Update types to receive; persists server-side when omitted, so set it explicitly. Null omits it.</summary>
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
