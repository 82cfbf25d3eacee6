using Smallfish.Core.MarketData;

namespace Smallfish.Emulator.Books;

/// <summary>Reads the best levels of a book side into flat arrays.</summary>
internal static class BookLevels
{
    /// <summary>Copies up to <paramref name="max"/> levels, best first; returns how many.</summary>
    public static int CopyTop(BookSide side, long[] prices, long[] quantities, int max)
    {
        int n = Math.Min(max, Math.Min(prices.Length, quantities.Length));
        return side.CopyTo(prices.AsSpan(0, n), quantities.AsSpan(0, n));
    }
}
