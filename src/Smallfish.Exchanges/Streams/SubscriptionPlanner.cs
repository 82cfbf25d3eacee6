namespace Smallfish.Exchanges.Streams;

/// <summary>Splits stream names across connections and requests by the venues' per-connection and per-request limits.</summary>
internal static class SubscriptionPlanner
{
    /// <summary>
    /// Groups <paramref name="topics"/> so that each group's <c>args</c> JSON (quotes and commas included) stays within
    /// <paramref name="maxChars"/> (Bybit: 21,000 characters per public connection).
    /// </summary>
    public static List<List<string>> ByCharacters(IEnumerable<string> topics, int maxChars)
    {
        var groups = new List<List<string>>();
        List<string>? current = null;
        int chars = 0;
        foreach (string topic in topics)
        {
            int cost = topic.Length + 3; // "topic",
            if (current is null || (current.Count > 0 && chars + cost > maxChars))
            {
                current = new List<string>();
                groups.Add(current);
                chars = 2; // [ ]
            }
            current.Add(topic);
            chars += cost;
        }
        return groups;
    }

    /// <summary>Groups of at most <paramref name="size"/> items (Binance: streams per connection; Bybit: args per request).</summary>
    public static List<List<string>> ByCount(IEnumerable<string> items, int size)
    {
        size = Math.Max(1, size);
        var groups = new List<List<string>>();
        foreach (string item in items)
        {
            if (groups.Count == 0 || groups[^1].Count == size) groups.Add(new List<string>(size));
            groups[^1].Add(item);
        }
        return groups;
    }
}
