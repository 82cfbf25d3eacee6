using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Binds <see cref="SmallfishOptions"/> without throwing: keys are checked first, keys that are unknown or whose
/// value does not convert are reported and left out, the rest is bound, and each <c>PerSymbol</c> entry is replaced
/// by that symbol's effective options.
/// </summary>
internal static class SmallfishOptionsBinder
{
    /// <summary>
    /// Binds and validates, appending every problem to <paramref name="errors"/>. A rule broken by a key that was
    /// already reported (and so not bound) is not reported a second time.
    /// </summary>
    public static SmallfishOptions BindAndValidate(IConfiguration configuration, List<ConfigurationError> errors)
    {
        var options = new SmallfishOptions();
        var keyErrors = new List<ConfigurationError>();
        Bind(configuration, options, keyErrors);
        SmallfishOptionsValidator.AppendAll(keyErrors, new SmallfishOptionsValidator().Validate(options), errors);
        return options;
    }

    /// <summary>Binds the <c>Smallfish</c> section of <paramref name="configuration"/> into <paramref name="options"/>, appending key problems to <paramref name="errors"/>.</summary>
    public static void Bind(IConfiguration configuration, SmallfishOptions options, List<ConfigurationError> errors)
    {
        IConfigurationSection section = configuration.GetSection(SmallfishOptions.SectionName);
        IReadOnlySet<string> bad = ConfigurationKeyChecker.Check(section, typeof(SmallfishOptions), errors);
        IConfiguration source = configuration;
        if (bad.Count > 0)
        {
            var kept = new List<KeyValuePair<string, string?>>();
            foreach (KeyValuePair<string, string?> pair in section.AsEnumerable())
            {
                if (pair.Value is not null && !ConfigurationKeyChecker.IsExcluded(pair.Key, bad)) kept.Add(pair);
            }

            source = new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
        }

        source.GetSection(SmallfishOptions.SectionName).Bind(options);
        var resolver = new SymbolOptionsResolver(source);
        options.PerSymbol = new Dictionary<string, SymbolScopedOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (string symbol in resolver.OverriddenSymbols) options.PerSymbol[symbol] = resolver.Resolve(symbol);
    }
}
