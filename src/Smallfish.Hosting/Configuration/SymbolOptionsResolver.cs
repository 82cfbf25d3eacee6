using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Returns the effective Signals/Fusion/Risk/Gates/Routing options of one symbol: a fresh copy bound from the base
/// sections under <c>Smallfish</c>, then the section <c>Smallfish:PerSymbol:&lt;SYMBOL&gt;</c> (case-insensitive)
/// bound over it. Binding over an already bound object changes only the keys present in the override; a list present
/// in the override (e.g. <c>Risk:DrawdownTiers</c>) replaces the base list as a whole instead of being appended to.
/// </summary>
public sealed class SymbolOptionsResolver
{
    private static readonly string[] s_scopedSections = ["Signals", "Fusion", "Risk", "Gates", "Routing"];

    private readonly IConfigurationSection _root;

    /// <summary>Creates a resolver over the configuration root that holds the <c>Smallfish</c> section.</summary>
    public SymbolOptionsResolver(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _root = configuration.GetSection(SmallfishOptions.SectionName);
    }

    /// <summary>The symbols that have an override section, as written in configuration.</summary>
    public IReadOnlyList<string> OverriddenSymbols
    {
        get
        {
            var symbols = new List<string>();
            foreach (IConfigurationSection child in _root.GetSection("PerSymbol").GetChildren()) symbols.Add(child.Key);
            return symbols;
        }
    }

    /// <summary>The effective options of <paramref name="symbol"/> (the base options when it has no override). A new instance per call.</summary>
    public SymbolScopedOptions Resolve(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var options = new SymbolScopedOptions();
        foreach (string name in s_scopedSections)
        {
            IConfigurationSection section = _root.GetSection(name);
            if (section.Exists()) section.Bind(typeof(SymbolScopedOptions).GetProperty(name)!.GetValue(options));
        }

        IConfigurationSection overrides = _root.GetSection("PerSymbol").GetSection(symbol);
        if (overrides.Exists())
        {
            ResetOverriddenLists(options, overrides);
            overrides.Bind(options);
        }

        return options;
    }

    private static void ResetOverriddenLists(object target, IConfigurationSection overrides)
    {
        foreach (IConfigurationSection child in overrides.GetChildren())
        {
            PropertyInfo? property = OptionsTypeInfo.FindProperty(target.GetType(), child.Key);
            if (property is null || OptionsTypeInfo.IsScalar(property.PropertyType)) continue;
            if (OptionsTypeInfo.GetListElementType(property.PropertyType) is not null && !property.PropertyType.IsArray)
            {
                ((IList)property.GetValue(target)!).Clear();
            }
            else if (property.GetValue(target) is { } nested)
            {
                ResetOverriddenLists(nested, child);
            }
        }
    }
}
