using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Section <c>Smallfish:Status</c>: the JSON status snapshot over HTTP that the dashboard, Telegram and health checks
/// read. Nothing listens beyond loopback unless <see cref="AllowNonLoopback"/> says so.
/// </summary>
public sealed class StatusOptions
{
    /// <summary>Whether the status endpoint listens.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IP address (or <c>localhost</c>) to bind.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port (0 = any free port).</summary>
    [Range(0, 65_535)]
    public int Port { get; set; } = 8787;

    /// <summary>Must be true to bind an address that is not loopback.</summary>
    public bool AllowNonLoopback { get; set; }
}
