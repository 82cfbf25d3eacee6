using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>Section <c>Smallfish:Recorder</c>: records raw market data for later replay.</summary>
public sealed class RecorderOptions
{
    /// <summary>Whether raw market data is recorded.</summary>
    public bool Enabled { get; set; }

    /// <summary>Directory of the recordings; a relative path is resolved against the data directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "recordings";
}
