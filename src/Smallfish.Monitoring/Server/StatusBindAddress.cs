using System.Net;

namespace Smallfish.Monitoring.Server;

/// <summary>Checks and resolves the status endpoint's bind address before anything listens.</summary>
public static class StatusBindAddress
{
    /// <summary>
    /// Resolves <paramref name="address"/> (an IP address or <c>localhost</c>, which means 127.0.0.1). Throws
    /// <see cref="StatusServerConfigurationException"/> when it is not an address, or when it is not loopback and
    /// <paramref name="allowNonLoopback"/> is false.
    /// </summary>
    public static IPAddress Resolve(string address, bool allowNonLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        string trimmed = address.Trim();
        IPAddress ip;
        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(trimmed, out IPAddress? parsed))
        {
            throw new StatusServerConfigurationException(StatusServerOptions.BindAddressKey, address, "must be an IP address or localhost");
        }
        else
        {
            ip = parsed;
        }

        if (!IPAddress.IsLoopback(ip) && !allowNonLoopback)
        {
            throw new StatusServerConfigurationException(StatusServerOptions.BindAddressKey, address,
                "is not a loopback address; the status endpoint listens beyond this machine only with Smallfish:Status:AllowNonLoopback = true");
        }
        return ip;
    }

    /// <summary>Checks <paramref name="port"/> is 0..65535.</summary>
    public static void CheckPort(int port)
    {
        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new StatusServerConfigurationException(StatusServerOptions.PortKey,
                port.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 65535 (0 = any free port)");
        }
    }
}
