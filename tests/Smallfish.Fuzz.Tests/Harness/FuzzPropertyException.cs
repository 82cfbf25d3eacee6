namespace Smallfish.Fuzz.Tests.Harness;

/// <summary>Thrown by a checking sink when a parser hands out an event that breaks a property (negative size, NaN price).</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message);
