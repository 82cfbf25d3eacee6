using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Journal</c>: where state and the trade journal are kept.</summary>
public sealed class JournalOptions
{
    /// <summary>
    /// Data directory (journal database, logs, optional <c>.env</c> and <c>appsettings.Secrets.json</c>). A relative
    /// path is resolved against the working directory when configuration is loaded.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Pending journal writes are flushed at least this often, in milliseconds.</summary>
    [Range(1, 600_000)]
    public int FlushIntervalMs { get; set; } = 1000;
}
