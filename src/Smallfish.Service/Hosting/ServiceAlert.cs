namespace Smallfish.Service.Hosting;

/// <summary>Something the owner should hear about now (Telegram and email), besides the log.</summary>
/// <param name="Subject">Short subject line.</param>
/// <param name="Text">Plain text; never a secret, never an exception message.</param>
public sealed record ServiceAlert(string Subject, string Text);
