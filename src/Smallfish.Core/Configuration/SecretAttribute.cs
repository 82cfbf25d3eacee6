namespace Smallfish.Core.Configuration;

/// <summary>
/// Marks an options property whose value is a secret (API key, token, password). Configuration printouts, error
/// lines and <c>ToString</c> render such a value through <see cref="SecretsOptions.Redact"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SecretAttribute : Attribute
{
}
