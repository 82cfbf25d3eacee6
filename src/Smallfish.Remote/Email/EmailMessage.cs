namespace Smallfish.Remote.Email;

/// <summary>A plain-text mail to the configured recipients.</summary>
/// <param name="Subject">Subject line (line breaks are removed).</param>
/// <param name="Body">Plain text body (any line endings; sent as CRLF).</param>
public sealed record EmailMessage(string Subject, string Body);
