using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Smallfish.Core.Configuration;
using Smallfish.Core.Instruments;
using Smallfish.Core.Metrics;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Hosting;

/// <summary>The one registration the service and the backtest share: options and the pure, I/O-free parts.</summary>
public static class SmallfishServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="SmallfishOptions"/> (with the per-symbol resolver), the run's clock
    /// (<see cref="TimeProvider.System"/> unless one is registered already; the backtest registers its simulated
    /// clock first), the fallback instrument grids from <c>Smallfish:Instruments</c> and the engine metrics. Nothing
    /// registered here opens a socket or a file.
    /// </summary>
    public static IServiceCollection AddSmallfish(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSmallfishOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReadOnlyList<InstrumentSpec>>(sp =>
        {
            var specs = new List<InstrumentSpec>();
            SmallfishOptions options = sp.GetRequiredService<IOptions<SmallfishOptions>>().Value;
            foreach ((string symbol, InstrumentOptions instrument) in options.Instruments) specs.Add(instrument.ToSpec(symbol.ToUpperInvariant()));
            return specs;
        });
        services.TryAddSingleton<SmallfishMetrics>();
        return services;
    }
}
