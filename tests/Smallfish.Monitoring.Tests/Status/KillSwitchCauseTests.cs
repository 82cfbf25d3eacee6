using Smallfish.Core.State;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.Status;

public class KillSwitchCauseTests
{
    [Test]
    public void KillSwitchCause_HasATwinForEveryEngineReason()
    {
        // The runtime state's reasons map onto the transport's by name; a new engine reason needs a twin here.
        var missing = Enum.GetNames<KillSwitchReason>().Where(n => !Enum.IsDefined(typeof(KillSwitchCause), n)).ToList();

        Assert.That(missing, Is.Empty);
    }
}
