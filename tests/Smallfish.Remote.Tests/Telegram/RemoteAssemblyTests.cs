using Smallfish.Remote.Telegram.Client;

namespace Smallfish.Remote.Tests.Telegram;

public class RemoteAssemblyTests
{
    [Test]
    public void RemoteAssembly_ReferencesOnlyTheCoreAmongSmallfishAssemblies()
    {
        var smallfish = typeof(TelegramBotClient).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "").Where(n => n.StartsWith("Smallfish.", StringComparison.Ordinal)).ToList();

        Assert.That(smallfish, Is.EqualTo(new[] { "Smallfish.Core" }));
    }
}
