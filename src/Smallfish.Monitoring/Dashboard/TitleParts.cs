namespace Smallfish.Monitoring.Dashboard;

/// <summary>Joins title parts in order, leaving out the trailing ones that would not fit.</summary>
internal static class TitleParts
{
    public static string Join(IReadOnlyList<string> parts, string separator, int maxWidth)
    {
        if (parts.Count == 0) return "";
        string title = parts[0];
        for (int i = 1; i < parts.Count; i++)
        {
            string next = title + separator + parts[i];
            if (next.Length + 1 > maxWidth) break;
            title = next;
        }
        return title + " ";
    }
}
