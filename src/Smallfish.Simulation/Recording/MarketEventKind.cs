namespace Smallfish.Simulation.Recording;

/// <summary>Record kinds of the Smallfish recording format (the byte after each record's length).</summary>
public enum MarketEventKind : byte
{
    /// <summary>No record (end of the block).</summary>
    None = 0,

    /// <summary>An order-book snapshot or delta.</summary>
    Book = 1,

    /// <summary>A public trade.</summary>
    Trade = 2,

    /// <summary>A best bid/offer quote.</summary>
    Bbo = 3,

    /// <summary>Ticker and funding fields.</summary>
    Ticker = 4,

    /// <summary>The recorder dropped events here (its writer fell too far behind); carries how many.</summary>
    Gap = 5,

    /// <summary>A record of a kind this reader does not know (written by a newer minor revision); skipped.</summary>
    Unknown = 255,
}
