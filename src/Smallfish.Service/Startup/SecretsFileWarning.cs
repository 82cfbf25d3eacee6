using System.Globalization;

namespace Smallfish.Service.Startup;

/// <summary>A secrets file that other users could read.</summary>
/// <param name="Path">The file.</param>
/// <param name="Mode">Its permission bits.</param>
public sealed record SecretsFileWarning(string Path, UnixFileMode Mode)
{
    /// <summary>The permission bits in octal, e.g. <c>0644</c>.</summary>
    public string Octal => "0" + Convert.ToString((int)Mode & 0x1FF, 8).PadLeft(3, '0').ToString(CultureInfo.InvariantCulture);
}
