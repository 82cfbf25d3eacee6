namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Thrown when configuration cannot be loaded or does not validate. Carries every problem found, each renderable as
/// one line (secrets already redacted), in the order they were found, without duplicates.
/// </summary>
public sealed class ConfigurationErrors : Exception
{
    /// <summary>Creates the exception from the problems found (duplicates of key and rule are dropped).</summary>
    public ConfigurationErrors(IEnumerable<ConfigurationError> errors)
        : this(Distinct(errors))
    {
    }

    private ConfigurationErrors(IReadOnlyList<ConfigurationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>The problems, one per line when rendered.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    /// <summary>The rendered lines, one per problem.</summary>
    public IEnumerable<string> Lines
    {
        get
        {
            foreach (ConfigurationError error in Errors) yield return error.ToString();
        }
    }

    private static List<ConfigurationError> Distinct(IEnumerable<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var seen = new HashSet<(string, string)>(KeyRuleComparer.Instance);
        var list = new List<ConfigurationError>();
        foreach (ConfigurationError error in errors)
        {
            if (seen.Add((error.Key, error.Rule))) list.Add(error);
        }

        return list;
    }

    private static string BuildMessage(IReadOnlyList<ConfigurationError> errors) =>
        errors.Count == 1
            ? "1 configuration error: " + errors[0]
            : $"{errors.Count} configuration errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";

    private sealed class KeyRuleComparer : IEqualityComparer<(string Key, string Rule)>
    {
        public static readonly KeyRuleComparer Instance = new();

        public bool Equals((string Key, string Rule) x, (string Key, string Rule) y) =>
            string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Rule, y.Rule, StringComparison.Ordinal);

        public int GetHashCode((string Key, string Rule) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key), StringComparer.Ordinal.GetHashCode(obj.Rule));
    }
}
