using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;

namespace Smallfish.Service.Hosting;

/// <summary>What <see cref="ServiceRunner"/> runs: the configuration to load and the mode switches.</summary>
/// <param name="Configuration">Where configuration comes from.</param>
/// <param name="Mode">The mode switches from the command line.</param>
public sealed record ServiceRunRequest(SmallfishConfigurationRequest Configuration, RunModeRequest Mode);
