namespace Smallfish.Service.Activity;

/// <summary>Something the owner hears about in Telegram as it happens (an entry, an exit).</summary>
/// <param name="Subject">Short subject line.</param>
/// <param name="Text">Plain text; numbers and symbols only, never a secret.</param>
public sealed record ActivityNotice(string Subject, string Text);
