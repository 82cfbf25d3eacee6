namespace Smallfish.Core.Numerics;

/// <summary>
/// <c>exp(x)</c> for the fading factors of the hot path. For <c>x</c> below about -745.13 the double result is exactly 0,
/// but the C library reaches that 0 through its underflow path (errno, SVID error handling), which costs many times a
/// normal <c>exp</c>; fades after a quiet spell (an age of thousands of time constants) hit it on every event. Below
/// <see cref="UnderflowExponent"/> this returns the same 0 directly, so results are bit-identical to <see cref="Math.Exp"/>.
/// </summary>
internal static class DecayMath
{
    /// <summary>Exponents below this give exactly 0 (the smallest subnormal double is exp(-744.44)).</summary>
    public const double UnderflowExponent = -746.0;

    /// <summary><c>Math.Exp(x)</c>, without the library's slow underflow path.</summary>
    public static double Exp(double x) => x < UnderflowExponent ? 0.0 : Math.Exp(x);
}
