using System.ComponentModel.DataAnnotations;

namespace Smallfish.Core.Configuration;

/// <summary>
/// Validates that a string is empty or an absolute URL with one of the allowed schemes (http/https for REST,
/// ws/wss for WebSocket endpoints).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class UrlAttribute : ValidationAttribute
{
    private readonly string[] _schemes;

    /// <summary>Creates the attribute for the given schemes, e.g. <c>"http", "https"</c>.</summary>
    public UrlAttribute(params string[] schemes)
        : base("must be empty or an absolute " + string.Join(" or ", schemes) + " URL")
    {
        _schemes = schemes;
    }

    /// <inheritdoc />
    public override bool IsValid(object? value)
    {
        if (value is null) return true;
        if (value is not string text) return false;
        if (text.Length == 0) return true;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)) return false;
        foreach (string scheme in _schemes)
        {
            if (string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
