namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Reads a <c>.env</c> file: <c>NAME=value</c> lines, blank lines and <c>#</c> comments ignored, an optional
/// <c>export </c> prefix, values optionally in single or double quotes. The variables are treated like environment
/// variables, below the real environment.
/// </summary>
internal static class DotEnvFile
{
    /// <summary>Reads <paramref name="path"/> into <paramref name="variables"/> (later files overwrite earlier ones); malformed lines are reported.</summary>
    public static void Read(string path, Dictionary<string, string?> variables, List<ConfigurationError> errors)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigurationError(path, null, "could not be read: " + ex.GetType().Name));
            return;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? line[..equals].Trim() : "";
            if (name.Length == 0 || name.AsSpan().ContainsAny(" \t\"'"))
            {
                // Never echo the line: it may hold a secret.
                errors.Add(new ConfigurationError($"{path}:{i + 1}", null, "is not a NAME=value line"));
                continue;
            }

            variables[name] = Unquote(line[(equals + 1)..].Trim());
        }
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]) return value[1..^1];
        int comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }
}
