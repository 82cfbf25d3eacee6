using System.Net;
using System.Text.RegularExpressions;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>Cross-field rules of the sections that exist once per run (symbols, status, connections, remote control).</summary>
internal static partial class GlobalOptionsRules
{
    private const string Root = SmallfishOptions.SectionName;

    /// <summary>Appends the problems of <paramref name="options"/>.</summary>
    public static void Check(SmallfishOptions options, List<ConfigurationError> errors)
    {
        CheckSymbols(options, errors);
        CheckStatus(options.Status, errors);
        CheckRemote(options, errors);
        foreach (var (key, value, rule) in options.Microstructure.Validate()) errors.Add(new ConfigurationError(key, value, rule));
        foreach (var (key, value, rule) in options.Multigrid.Validate()) errors.Add(new ConfigurationError(key, value, rule));

        if (options.WebSocket.ReconnectBackoffMinMs > options.WebSocket.ReconnectBackoffMaxMs)
        {
            errors.Add(new ConfigurationError(Root + ":WebSocket:ReconnectBackoffMinMs", Fmt(options.WebSocket.ReconnectBackoffMinMs),
                $"must not exceed {Root}:WebSocket:ReconnectBackoffMaxMs ({Fmt(options.WebSocket.ReconnectBackoffMaxMs)})"));
        }

        if (options.AdaptiveWeights.MinWeight > options.AdaptiveWeights.MaxWeight)
        {
            errors.Add(new ConfigurationError(Root + ":AdaptiveWeights:MinWeight", Fmt(options.AdaptiveWeights.MinWeight),
                $"must not exceed {Root}:AdaptiveWeights:MaxWeight ({Fmt(options.AdaptiveWeights.MaxWeight)})"));
        }
    }

    /// <summary>True for an exchange symbol such as BTCUSDT or 1000PEPEUSDT.</summary>
    public static bool IsSymbol(string text) => SymbolPattern().IsMatch(text);

    private static void CheckSymbols(SmallfishOptions options, List<ConfigurationError> errors)
    {
        const string symbolRule = "must be an exchange symbol in upper case, e.g. BTCUSDT";
        if (options.Symbols.Count == 0 && options.AutoSymbols.Count == 0)
        {
            errors.Add(new ConfigurationError(Root + ":Symbols", "(empty)", $"at least one symbol is required unless {Root}:AutoSymbols:Count is above 0"));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Symbols.Count; i++)
        {
            string symbol = options.Symbols[i] ?? "";
            string key = $"{Root}:Symbols:{i}";
            if (!IsSymbol(symbol)) errors.Add(new ConfigurationError(key, symbol, symbolRule));
            else if (!seen.Add(symbol)) errors.Add(new ConfigurationError(key, symbol, "is listed twice"));
        }

        foreach (string symbol in options.Instruments.Keys)
        {
            if (!IsSymbol(symbol)) errors.Add(new ConfigurationError($"{Root}:Instruments:{symbol}", null, symbolRule));
        }

        foreach (string symbol in options.PerSymbol.Keys)
        {
            if (!IsSymbol(symbol)) errors.Add(new ConfigurationError($"{Root}:PerSymbol:{symbol}", null, symbolRule));
        }
    }

    private static void CheckStatus(StatusOptions status, List<ConfigurationError> errors)
    {
        string key = Root + ":Status:BindAddress";
        string address = status.BindAddress ?? "";
        if (address.Length == 0) return; // reported by [Required]
        bool loopback;
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            loopback = true;
        }
        else if (IPAddress.TryParse(address, out IPAddress? ip))
        {
            loopback = IPAddress.IsLoopback(ip);
        }
        else
        {
            errors.Add(new ConfigurationError(key, address, "must be an IP address or localhost"));
            return;
        }

        if (!loopback && !status.AllowNonLoopback)
        {
            errors.Add(new ConfigurationError(key, address,
                $"is not a loopback address; the status endpoint listens beyond this machine only with {Root}:Status:AllowNonLoopback = true"));
        }
    }

    private static void CheckRemote(SmallfishOptions options, List<ConfigurationError> errors)
    {
        if (options.Telegram.Enabled && options.Telegram.AllowedChatIds.Count == 0)
        {
            errors.Add(new ConfigurationError(Root + ":Telegram:AllowedChatIds", "(empty)",
                $"at least one chat id is required when {Root}:Telegram:Enabled is true (TELEGRAM_CHAT_ID)"));
        }

        EmailOptions email = options.Email;
        if (!email.Enabled) return;
        string when = $"is required when {Root}:Email:Enabled is true";
        if (string.IsNullOrWhiteSpace(email.SmtpHost)) errors.Add(new ConfigurationError(Root + ":Email:SmtpHost", email.SmtpHost, when));
        if (string.IsNullOrWhiteSpace(email.From)) errors.Add(new ConfigurationError(Root + ":Email:From", email.From, when));
        if (email.To.Count == 0) errors.Add(new ConfigurationError(Root + ":Email:To", "(empty)", "at least one recipient " + when));
    }

    private static string Fmt(object value) => ValueFormatter.Format(value, secret: false);

    [GeneratedRegex("^[A-Z0-9]{2,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();
}
