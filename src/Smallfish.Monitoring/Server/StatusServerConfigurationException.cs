namespace Smallfish.Monitoring.Server;

/// <summary>
/// The status endpoint's settings are unusable (a non-loopback address without permission, an unparsable address, a
/// port out of range). The message is one line: <c>config error: KEY = 'VALUE': RULE</c>.
/// </summary>
public sealed class StatusServerConfigurationException : Exception
{
    /// <summary>Creates the error for <paramref name="key"/> holding <paramref name="value"/>, which breaks <paramref name="rule"/>.</summary>
    public StatusServerConfigurationException(string key, string value, string rule)
        : base($"config error: {key} = '{value}': {rule}")
    {
        Key = key;
        Value = value;
        Rule = rule;
    }

    /// <summary>Creates the error with a message only.</summary>
    public StatusServerConfigurationException(string message)
        : base(message)
    {
        Key = "";
        Value = "";
        Rule = message;
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public StatusServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
        Value = "";
        Rule = message;
    }

    /// <summary>Creates an empty error.</summary>
    public StatusServerConfigurationException()
        : this("config error: invalid status endpoint settings")
    {
    }

    /// <summary>The configuration key at fault.</summary>
    public string Key { get; }

    /// <summary>The offending value.</summary>
    public string Value { get; }

    /// <summary>The rule it breaks.</summary>
    public string Rule { get; }
}
