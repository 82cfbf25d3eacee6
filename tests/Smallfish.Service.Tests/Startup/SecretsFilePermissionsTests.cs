using Smallfish.Service.Startup;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Startup;

public sealed class SecretsFilePermissionsTests
{
    private ServiceDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("unix file modes only");
        _dir = new ServiceDirectory();
    }

    [TearDown]
    public void TearDown() => _dir?.Dispose();

    private string Write(string directory, string name, UnixFileMode mode)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, "BYBIT_API_KEY=x\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        return path;
    }

    [Test]
    public void Check_GroupOrOthersMayRead_WarnsForThoseFilesOnly()
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        string open = Write(_dir.ConfigDirectory, "appsettings.Secrets.json", owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        string groupOnly = Write(_dir.DataDirectory, ".env", owner | UnixFileMode.GroupRead);
        Write(_dir.DataDirectory, "appsettings.Secrets.json", owner);
        Write(_dir.ConfigDirectory, "smallfish.env", UnixFileMode.UserRead);

        IReadOnlyList<SecretsFileWarning> warnings = SecretsFilePermissions.Check([_dir.ConfigDirectory, _dir.DataDirectory, _dir.ConfigDirectory]);

        Assert.That(warnings.Select(w => w.Path), Is.EquivalentTo(new[] { open, groupOnly }));
        Assert.That(warnings.Single(w => w.Path == open).Octal, Is.EqualTo("0644"));
        Assert.That(warnings.Single(w => w.Path == groupOnly).Octal, Is.EqualTo("0640"));
    }

    [Test]
    public void Check_NoSecretsFiles_NoWarning()
    {
        Assert.That(SecretsFilePermissions.Check([_dir.ConfigDirectory, _dir.DataDirectory]), Is.Empty);
    }
}
