using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Logging;

/// <summary>
/// The rolling file logs' formatter: renders an event with a plain template (UTC time, level, category, message,
/// exception) and masks every known secret value in the result before it reaches the file.
/// </summary>
public sealed class RedactingTextFormatter : ITextFormatter
{
    /// <summary>The template of a file log line.</summary>
    public const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private readonly MessageTemplateTextFormatter _inner = new(Template, System.Globalization.CultureInfo.InvariantCulture);
    private readonly SecretScrubber _scrubber;

    /// <summary>Creates the formatter.</summary>
    public RedactingTextFormatter(SecretScrubber scrubber) => _scrubber = scrubber ?? throw new ArgumentNullException(nameof(scrubber));

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _inner.Format(logEvent, buffer);
        output.Write(_scrubber.Scrub(buffer.ToString()));
    }
}
