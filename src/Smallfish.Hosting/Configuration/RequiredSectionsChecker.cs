using System.Reflection;
using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Every default lives in the base file (<c>appsettings.json</c>), so a section of the options missing from it means a
/// damaged or truncated base file: reported as one error per missing section instead of silently falling back to the
/// code's initial values. Lists, dictionaries (<c>Symbols</c>, <c>Instruments</c>, <c>PerSymbol</c>) and the secrets
/// section (which comes from the secrets file or the environment) are optional.
/// </summary>
internal static class RequiredSectionsChecker
{
    /// <summary>Appends one error to <paramref name="errors"/> for each options section absent from <paramref name="baseFile"/>.</summary>
    public static void Check(IConfiguration baseFile, string fileName, List<ConfigurationError> errors)
    {
        IConfigurationSection root = baseFile.GetSection(SmallfishOptions.SectionName);
        if (!root.Exists())
        {
            errors.Add(new ConfigurationError(fileName, null, $"the '{SmallfishOptions.SectionName}' section is missing; every default lives in this file (restore it from the release)"));
            return;
        }

        CheckObject(root, SmallfishOptions.SectionName, typeof(SmallfishOptions), fileName, errors);
    }

    private static void CheckObject(IConfigurationSection section, string path, Type type, string fileName, List<ConfigurationError> errors)
    {
        foreach (PropertyInfo property in OptionsTypeInfo.GetBindableProperties(type))
        {
            if (!IsSection(property)) continue;
            IConfigurationSection child = section.GetSection(property.Name);
            string childPath = path + ":" + property.Name;
            if (!child.Exists())
            {
                errors.Add(new ConfigurationError(childPath, null, $"section missing from {fileName}; every default lives in that file (restore the section from the release)"));
                continue;
            }

            CheckObject(child, childPath, property.PropertyType, fileName, errors);
        }
    }

    private static bool IsSection(PropertyInfo property)
    {
        Type type = property.PropertyType;
        if (OptionsTypeInfo.IsScalar(type) || OptionsTypeInfo.GetListElementType(type) is not null || OptionsTypeInfo.GetDictionaryValueType(type) is not null) return false;
        if (property.PropertyType == typeof(SecretsOptions)) return false;
        return type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null;
    }
}
