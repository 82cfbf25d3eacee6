using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Validates <see cref="SmallfishOptions"/>: the data-annotation rule of every single field, then the cross-field
/// rules (enabled signal weights sum to 1, min signals within the enabled count, drawdown tiers strictly increasing,
/// status endpoint on loopback unless allowed, ...), for the base sections and for each symbol's effective options.
/// When built with the configuration it also rejects unknown keys and values that do not convert. Every problem is
/// reported at once, one line each.
/// </summary>
public sealed class SmallfishOptionsValidator : IValidateOptions<SmallfishOptions>
{
    private readonly IConfiguration? _configuration;

    /// <summary>Creates a validator of bound options only.</summary>
    public SmallfishOptionsValidator()
    {
    }

    /// <summary>Creates a validator that also checks the keys under <c>Smallfish</c> in <paramref name="configuration"/>.</summary>
    public SmallfishOptionsValidator(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <summary>Returns every problem of the bound <paramref name="options"/> (an empty list when valid).</summary>
    public IReadOnlyList<ConfigurationError> Validate(SmallfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string root = SmallfishOptions.SectionName;
        var errors = new List<ConfigurationError>();
        DataAnnotationsChecker.Check(options, root, errors, skipProperty: nameof(SmallfishOptions.PerSymbol));
        var crossField = new List<ConfigurationError>();
        GlobalOptionsRules.Check(options, crossField);
        var baseScope = new SymbolScopedOptions
        {
            Signals = options.Signals, Fusion = options.Fusion, Risk = options.Risk, Gates = options.Gates, Routing = options.Routing,
        };
        ScopedOptionsRules.Check(baseScope, root, crossField);
        AppendAll(errors, crossField, errors);
        if (options.PerSymbol.Count == 0) return errors;

        List<ConfigurationError> baseErrors = CheckScope(baseScope, root);

        // A symbol inherits the base values: report only the problems its own override brings.
        var inherited = new HashSet<(string, string, string?)>();
        foreach (ConfigurationError e in baseErrors) inherited.Add((e.Key[root.Length..], e.Rule, e.Value));
        foreach ((string symbol, SymbolScopedOptions scope) in options.PerSymbol)
        {
            string prefix = $"{root}:PerSymbol:{symbol}";
            foreach (ConfigurationError e in CheckScope(scope, prefix))
            {
                if (!inherited.Contains((e.Key[prefix.Length..], e.Rule.Replace(prefix, root, StringComparison.Ordinal), e.Value))) errors.Add(e);
            }
        }

        return errors;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmallfishOptions options)
    {
        var keyErrors = new List<ConfigurationError>();
        if (_configuration is not null)
        {
            ConfigurationKeyChecker.Check(_configuration.GetSection(SmallfishOptions.SectionName), typeof(SmallfishOptions), keyErrors);
        }

        var errors = new List<ConfigurationError>();
        AppendAll(keyErrors, Validate(options), errors);
        if (errors.Count == 0) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(new ConfigurationErrors(errors).Lines);
    }

    /// <summary>
    /// Appends the first problems, then those of <paramref name="ruleErrors"/> whose key (or a key their rule compares
    /// against) was not already reported among them: a key that failed to bind leaves its default behind, and a field
    /// out of range makes cross-field rules on it moot; a second line about the same key would only repeat the first.
    /// </summary>
    internal static void AppendAll(List<ConfigurationError> keyErrors, IReadOnlyList<ConfigurationError> ruleErrors, List<ConfigurationError> errors)
    {
        if (!ReferenceEquals(keyErrors, errors)) errors.AddRange(keyErrors);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ConfigurationError error in keyErrors) reported.Add(error.Key);
        foreach (ConfigurationError error in ruleErrors)
        {
            if (!reported.Contains(error.Key) && !MentionsAny(error.Rule, reported)) errors.Add(error);
        }
    }

    // "must be less than Smallfish:Fusion:EnterConfidence (0)" is moot when EnterConfidence itself was reported.
    private static bool MentionsAny(string rule, HashSet<string> keys)
    {
        foreach (string key in keys)
        {
            int at = rule.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at + key.Length == rule.Length || rule[at + key.Length] is ' ' or ',' or ';')) return true;
        }

        return false;
    }

    private static List<ConfigurationError> CheckScope(SymbolScopedOptions scope, string prefix)
    {
        var fieldErrors = new List<ConfigurationError>();
        DataAnnotationsChecker.Check(scope, prefix, fieldErrors);
        var crossField = new List<ConfigurationError>();
        ScopedOptionsRules.Check(scope, prefix, crossField);
        var errors = new List<ConfigurationError>();
        AppendAll(fieldErrors, crossField, errors);
        return errors;
    }
}
