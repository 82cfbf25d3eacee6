using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Turns environment variables into configuration keys under <c>Smallfish</c>:
/// <c>SMALLFISH_RISK__RISKPERTRADEPCT</c> becomes <c>Smallfish:Risk:RiskPerTradePct</c> (prefix SMALLFISH_, double
/// underscore between sections), and the variables the original system used are mapped onto their options:
/// BYBIT_TESTNET / BINANCE_TESTNET (for the configured exchange) onto <c>Exchange:Testnet</c>, BYBIT_API_KEY /
/// BYBIT_API_SECRET / BINANCE_API_KEY / BINANCE_API_SECRET (for the configured exchange) onto <c>Secrets:ApiKey</c> and
/// <c>Secrets:ApiSecret</c>, TELEGRAM_BOT_TOKEN and SMTP_PASSWORD onto their secrets, TELEGRAM_CHAT_ID (comma
/// separated) onto <c>Telegram:AllowedChatIds</c> and AUTO_SYMBOLS onto <c>AutoSymbols:Count</c>. Empty variables
/// of the original set are ignored; a SMALLFISH_ variable wins over the original variable for the same key.
/// </summary>
internal static class EnvironmentVariableMapper
{
    /// <summary>Prefix of the variables mapped one to one onto keys.</summary>
    public const string Prefix = "SMALLFISH_";

    /// <summary>The variables whose values are secrets, whichever exchange is configured.</summary>
    public static readonly string[] SecretVariables =
        ["BYBIT_API_KEY", "BYBIT_API_SECRET", "BINANCE_API_KEY", "BINANCE_API_SECRET", "TELEGRAM_BOT_TOKEN", "SMTP_PASSWORD"];

    private const string Root = SmallfishOptions.SectionName + ":";

    /// <summary>
    /// Maps <paramref name="environment"/>. The exchange-specific variables are mapped only when
    /// <paramref name="exchange"/> is known. Problems are appended to <paramref name="errors"/> when it is given.
    /// </summary>
    public static Dictionary<string, string?> Map(IReadOnlyDictionary<string, string?> environment, ExchangeName? exchange, List<ConfigurationError>? errors)
    {
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (exchange is { } name)
        {
            string venue = name == ExchangeName.Binance ? "BINANCE" : "BYBIT";
            MapBool(environment, venue + "_TESTNET", Root + "Exchange:Testnet", keys, errors);
            MapText(environment, venue + "_API_KEY", Root + "Secrets:ApiKey", keys);
            MapText(environment, venue + "_API_SECRET", Root + "Secrets:ApiSecret", keys);
        }

        MapText(environment, "TELEGRAM_BOT_TOKEN", Root + "Secrets:TelegramBotToken", keys);
        MapText(environment, "SMTP_PASSWORD", Root + "Secrets:SmtpPassword", keys);
        MapAutoSymbols(environment, keys, errors);
        MapChatIds(environment, keys, errors);

        foreach ((string variable, string? value) in environment)
        {
            if (variable.Length <= Prefix.Length || !variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            string key = variable[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            keys[Root + key] = value;
        }

        return keys;
    }

    private static void MapText(IReadOnlyDictionary<string, string?> environment, string variable, string key, Dictionary<string, string?> keys)
    {
        if (Get(environment, variable) is { } value) keys[key] = value;
    }

    private static void MapBool(IReadOnlyDictionary<string, string?> environment, string variable, string key, Dictionary<string, string?> keys, List<ConfigurationError>? errors)
    {
        if (Get(environment, variable) is not { } value) return;
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                keys[key] = "true";
                break;
            case "false" or "0" or "no" or "off":
                keys[key] = "false";
                break;
            default:
                errors?.Add(new ConfigurationError(variable, value, "must be true or false (1/0, yes/no, on/off are accepted)"));
                break;
        }
    }

    private static void MapAutoSymbols(IReadOnlyDictionary<string, string?> environment, Dictionary<string, string?> keys, List<ConfigurationError>? errors)
    {
        if (Get(environment, "AUTO_SYMBOLS") is not { } value) return;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            keys[Root + "AutoSymbols:Count"] = count.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            errors?.Add(new ConfigurationError("AUTO_SYMBOLS", value, "must be a whole number of symbols (0 = off)"));
        }
    }

    private static void MapChatIds(IReadOnlyDictionary<string, string?> environment, Dictionary<string, string?> keys, List<ConfigurationError>? errors)
    {
        if (Get(environment, "TELEGRAM_CHAT_ID") is not { } value) return;
        int index = 0;
        foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long id))
            {
                errors?.Add(new ConfigurationError("TELEGRAM_CHAT_ID", value, "must be one or more chat ids (whole numbers), comma separated"));
                return;
            }

            keys[Root + "Telegram:AllowedChatIds:" + index.ToString(CultureInfo.InvariantCulture)] = id.ToString(CultureInfo.InvariantCulture);
            index++;
        }
    }

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string variable) =>
        environment.TryGetValue(variable, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
