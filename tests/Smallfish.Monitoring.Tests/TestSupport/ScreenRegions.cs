namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>Cuts a rendered dashboard into its header and four framed quadrants (by the frames' corners).</summary>
internal sealed class ScreenRegions
{
    private ScreenRegions(string header, string price, string equity, string trades, string signals)
    {
        Header = header;
        Price = price;
        Equity = equity;
        Trades = trades;
        Signals = signals;
    }

    public string Header { get; }

    public string Price { get; }

    public string Equity { get; }

    public string Trades { get; }

    public string Signals { get; }

    public static ScreenRegions Parse(string[] lines, char topLeft = '\u256d')
    {
        int top = Array.FindIndex(lines, l => l.Length > 0 && l[0] == topLeft);
        int bottom = Array.FindIndex(lines, top + 1, l => l.Length > 0 && l[0] == topLeft);
        if (top < 0 || bottom < 0) throw new InvalidOperationException("no 2x2 frames found:\n" + string.Join("\n", lines));
        int split = lines[top].IndexOf(topLeft, 1);
        string Cut(int from, int to, bool left) => string.Join("\n", lines[from..to].Select(l => left ? l[..Math.Min(split, l.Length)] : l.Length > split ? l[split..] : ""));
        return new ScreenRegions(
            string.Join("\n", lines[..top]),
            Cut(top, bottom, left: true), Cut(top, bottom, left: false),
            Cut(bottom, lines.Length, left: true), Cut(bottom, lines.Length, left: false));
    }
}
