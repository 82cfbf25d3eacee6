namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>Guards against hangs: async work under test must finish within a generous real-time bound.</summary>
internal static class Waiting
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null)
    {
        var done = await Task.WhenAny(task, Task.Delay(limit ?? Guard)).ConfigureAwait(false);
        if (done != task) Assert.Fail($"timed out after {(limit ?? Guard).TotalSeconds} s");
        return await task.ConfigureAwait(false);
    }

    public static async Task Within(this Task task, TimeSpan? limit = null)
    {
        var done = await Task.WhenAny(task, Task.Delay(limit ?? Guard)).ConfigureAwait(false);
        if (done != task) Assert.Fail($"timed out after {(limit ?? Guard).TotalSeconds} s");
        await task.ConfigureAwait(false);
    }
}
