namespace Smallfish.Remote.Email;

/// <summary>One SMTP reply: the three-digit code and its text lines (multi-line replies joined).</summary>
internal readonly record struct SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientFailure => Code is >= 400 and < 500;

    public string Text => string.Join(" | ", Lines);
}
