namespace Smallfish.Remote.Email;

/// <summary>The address shape the SMTP client accepts: plain ASCII <c>local@domain</c>, nothing that could break a command line or header.</summary>
internal static class MailAddressRules
{
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 254) return false;
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return false;
        foreach (var c in address)
        {
            if (c <= ' ' || c >= 0x7F || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '\\' or '[' or ']') return false;
        }
        return true;
    }
}
