using System.Collections;
using System.Reflection;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.Status;

/// <summary>
/// Keeps secrets out of the status document by construction: every field is a number, flag, enumeration, timestamp or
/// a nested status record; strings exist only where they name an identifier; nothing can hold free text, a
/// dictionary or an arbitrary object.
/// </summary>
public class StatusSnapshotShapeTests
{
    private static readonly HashSet<string> AllowedStrings =
    [
        "ServiceInfo.Version", "SymbolStatus.Symbol", "TradeInfo.Symbol", "WorkingOrderInfo.ClientOrderId", "SelectedSymbol.Symbol",
    ];

    [Test]
    public void StatusSnapshot_EveryField_IsStructuredOrAnAllowedIdentifier()
    {
        var offenders = new List<string>();
        var seen = new HashSet<Type>();
        var stringsFound = new HashSet<string>();
        Walk(typeof(StatusSnapshot), seen, offenders, stringsFound);

        Assert.Multiple(() =>
        {
            Assert.That(offenders, Is.Empty, "status fields that could carry free text or secrets");
            Assert.That(stringsFound, Is.EquivalentTo(AllowedStrings), "the identifier strings the document carries");
        });
    }

    private static void Walk(Type type, HashSet<Type> seen, List<string> offenders, HashSet<string> strings)
    {
        if (!seen.Add(type)) return;
        foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name == "EqualityContract") continue;
            string where = $"{type.Name}.{p.Name}";
            Type t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t == typeof(string))
            {
                strings.Add(where);
                if (!AllowedStrings.Contains(where)) offenders.Add(where + " (string)");
            }
            else if (t.IsPrimitive || t == typeof(decimal) || t.IsEnum)
            {
                // numbers, flags and closed vocabularies
            }
            else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                Type item = t.GetGenericArguments()[0];
                if (item.Namespace != typeof(StatusSnapshot).Namespace) offenders.Add($"{where} (list of {item.Name})");
                else Walk(item, seen, offenders, strings);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(t) || t == typeof(object) || t.Namespace != typeof(StatusSnapshot).Namespace)
            {
                offenders.Add($"{where} ({t.Name})");
            }
            else
            {
                Walk(t, seen, offenders, strings);
            }
        }
    }
}
