using Smallfish.Exchanges.Results;

namespace Smallfish.Emulator.Tests.Support;

internal static class ResultExtensions
{
    /// <summary>Asserts success and returns the data.</summary>
    public static T Ok<T>(this ExchangeResult<T> result)
    {
        Assert.That(result.Success, Is.True, result.ToString());
        return result.Data!;
    }
}
