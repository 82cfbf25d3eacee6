using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>A configuration that loaded and validated: the layered configuration, the bound options and where things live.</summary>
public sealed class LoadedSmallfishConfiguration
{
    private readonly SecretScrubber _scrubber;

    internal LoadedSmallfishConfiguration(IConfigurationRoot configuration, SmallfishOptions options, string configDirectory, SecretScrubber scrubber)
    {
        Configuration = configuration;
        Options = options;
        ConfigDirectory = configDirectory;
        Resolver = new SymbolOptionsResolver(configuration);
        _scrubber = scrubber;
    }

    /// <summary>The layered configuration (appsettings, profile, secrets, environment, command line).</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>The bound and validated options.</summary>
    public SmallfishOptions Options { get; }

    /// <summary>Absolute directory the appsettings files were read from.</summary>
    public string ConfigDirectory { get; }

    /// <summary>Per-symbol options resolver over <see cref="Configuration"/>.</summary>
    public SymbolOptionsResolver Resolver { get; }

    /// <summary>Masks every known secret value (under <c>Smallfish:Secrets</c> and the secret environment variables) in text meant for humans.</summary>
    public SecretScrubber Scrubber => _scrubber;

    /// <summary>The effective configuration as sorted <c>key = value</c> lines, secrets redacted.</summary>
    public IReadOnlyList<string> DescribeEffectiveConfiguration() => EffectiveConfigurationPrinter.GetLines(Options, _scrubber);
}
