using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Paper</c>: the service's paper trading (in-process simulated venue, no orders sent).</summary>
public sealed class PaperOptions
{
    /// <summary>The paper account's equity at its first start, quote currency (a restart continues from the journal's).</summary>
    [Range(1.0, 1_000_000_000.0)]
    public decimal StartingEquity { get; set; } = 1000m;
}
