using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>Registers <see cref="SmallfishOptions"/> with its validation in a service collection.</summary>
public static class SmallfishOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SmallfishOptions"/> from the <c>Smallfish</c> section of <paramref name="configuration"/> (per-symbol
    /// entries resolved), validates it on start with <see cref="SmallfishOptionsValidator"/> (unknown keys included) and
    /// registers the <see cref="SymbolOptionsResolver"/>.
    /// </summary>
    public static IServiceCollection AddSmallfishOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<SmallfishOptions>>(new ConfigureSmallfishOptions(configuration));
        services.AddSingleton<IValidateOptions<SmallfishOptions>>(new SmallfishOptionsValidator(configuration));
        services.AddOptions<SmallfishOptions>().ValidateOnStart();
        services.AddSingleton(new SymbolOptionsResolver(configuration));
        return services;
    }

    private sealed class ConfigureSmallfishOptions(IConfiguration configuration) : IConfigureOptions<SmallfishOptions>
    {
        // Key problems are left to the validator, which reports them with everything else.
        public void Configure(SmallfishOptions options) => SmallfishOptionsBinder.Bind(configuration, options, []);
    }
}
