using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Smallfish.Remote.Email;

/// <summary>
/// A small SMTP client over <see cref="TcpClient"/> and <see cref="SslStream"/> (MailKit is not on this registry):
/// greeting, <c>EHLO</c>, <c>STARTTLS</c> or implicit TLS as configured (never silently downgraded), <c>AUTH PLAIN</c>
/// or <c>AUTH LOGIN</c> when credentials are configured, <c>MAIL FROM</c>, <c>RCPT TO</c>, <c>DATA</c> with
/// dot-stuffing, <c>QUIT</c>. One connection per message. Every step is bounded by a wall-time timeout. The password
/// is never logged and never appears in exceptions (server replies during AUTH are redacted too).
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;

    /// <summary>
    /// Creates the sender. <paramref name="certificateValidation"/> replaces the platform's certificate check (tests
    /// trusting a self-signed certificate); leave it null in production.
    /// </summary>
    public SmtpEmailSender(SmtpOptions options, TimeProvider time, ILogger<SmtpEmailSender> logger,
        RemoteCertificateValidationCallback? certificateValidation = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _certificateValidation = certificateValidation;
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var state = new SendState();
        try
        {
            await SendCoreAsync(message, state, cancellationToken).ConfigureAwait(false);
        }
        catch (EmailSendException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new EmailSendException(state.Stage, $"SMTP {state.Stage}: no answer from {_options.Host}:{_options.Port} in time", true, null, e);
        }
        catch (AuthenticationException e)
        {
            throw new EmailSendException(state.Stage, $"SMTP {state.Stage}: TLS handshake with {_options.Host} failed ({Redact(e.Message)})", false, null, e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new EmailSendException(state.Stage, $"SMTP {state.Stage}: connection to {_options.Host}:{_options.Port} failed ({Redact(e.Message)})", true, null, e);
        }
    }

    private sealed class SendState
    {
        public string Stage = "connect";
    }

    private async Task SendCoreAsync(EmailMessage message, SendState state, CancellationToken ct)
    {
        _logger.Connecting(_options.Host, _options.Port, _options.Security);
        using var tcp = new TcpClient();
        using (var connectCts = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connectCts.CancelAfter(_options.ConnectTimeout);
            await tcp.ConnectAsync(_options.Host, _options.Port, connectCts.Token).ConfigureAwait(false);
        }
        Stream stream = tcp.GetStream();
        SslStream? tls = null;
        try
        {
            if (_options.Security == SmtpSecurity.Implicit)
            {
                state.Stage = "TLS handshake";
                tls = await StartTlsAsync(stream, ct).ConfigureAwait(false);
                stream = tls;
            }
            var smtp = new SmtpConnection(stream, _options.CommandTimeout);
            state.Stage = "greeting";
            Expect(await smtp.ReadReplyAsync(ct).ConfigureAwait(false), state.Stage, 220);

            state.Stage = "EHLO";
            var capabilities = await HelloAsync(smtp, ct).ConfigureAwait(false);

            if (_options.Security == SmtpSecurity.StartTls)
            {
                state.Stage = "STARTTLS";
                if (!capabilities.Contains("STARTTLS"))
                    throw new EmailSendException(state.Stage, $"SMTP server {_options.Host} does not offer STARTTLS; refusing to continue in clear text", false);
                Expect(await CommandAsync(smtp, "STARTTLS", "STARTTLS", ct).ConfigureAwait(false), state.Stage, 220);
                if (smtp.HasBufferedData)
                    throw new EmailSendException(state.Stage, "SMTP server sent data before the TLS handshake (possible injection); aborting", false);
                state.Stage = "TLS handshake";
                tls = await StartTlsAsync(stream, ct).ConfigureAwait(false);
                smtp = new SmtpConnection(tls, _options.CommandTimeout);
                state.Stage = "EHLO";
                capabilities = await HelloAsync(smtp, ct).ConfigureAwait(false);
            }

            if (_options.HasCredentials)
            {
                state.Stage = "AUTH";
                if (tls is null && !_options.AllowAuthWithoutTls)
                    throw new EmailSendException(state.Stage, "SMTP credentials are configured but the connection is not encrypted; refusing to send them", false);
                await AuthenticateAsync(smtp, capabilities, ct).ConfigureAwait(false);
            }

            state.Stage = "MAIL FROM";
            Expect(await CommandAsync(smtp, $"MAIL FROM:<{_options.From}>", "MAIL", ct).ConfigureAwait(false), state.Stage, 250);
            state.Stage = "RCPT TO";
            foreach (var to in _options.To) Expect(await CommandAsync(smtp, $"RCPT TO:<{to}>", "RCPT", ct).ConfigureAwait(false), state.Stage, 250, 251);
            state.Stage = "DATA";
            Expect(await CommandAsync(smtp, "DATA", "DATA", ct).ConfigureAwait(false), state.Stage, 354);
            state.Stage = "message body";
            var payload = MimeMessageWriter.Write(message, _options.From, _options.To, _time.GetUtcNow(), _options.ClientDomain);
            await smtp.WriteAsync(payload, ct).ConfigureAwait(false);
            Expect(await smtp.ReadReplyAsync(ct).ConfigureAwait(false), state.Stage, 250);
            _logger.Delivered(message.Subject, _options.To.Length);

            state.Stage = "QUIT";
            try
            {
                await CommandAsync(smtp, "QUIT", "QUIT", ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                // The message is accepted; a rude close after it does not matter.
            }
        }
        finally
        {
            if (tls is not null) await tls.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<HashSet<string>> HelloAsync(SmtpConnection smtp, CancellationToken ct)
    {
        var reply = await CommandAsync(smtp, "EHLO " + _options.ClientDomain, "EHLO", ct).ConfigureAwait(false);
        if (reply.Code != 250)
        {
            // Very old servers: HELO has no extensions (so no STARTTLS and no AUTH).
            Expect(await CommandAsync(smtp, "HELO " + _options.ClientDomain, "HELO", ct).ConfigureAwait(false), "HELO", 250);
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }
        var capabilities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < reply.Lines.Count; i++)
        {
            var line = reply.Lines[i].Trim();
            var parts = line.Split([' ', '='], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            capabilities.Add(parts[0]);
            if (string.Equals(parts[0], "AUTH", StringComparison.OrdinalIgnoreCase))
            {
                for (int j = 1; j < parts.Length; j++) capabilities.Add("AUTH " + parts[j]);
            }
        }
        return capabilities;
    }

    private async Task AuthenticateAsync(SmtpConnection smtp, HashSet<string> capabilities, CancellationToken ct)
    {
        if (capabilities.Contains("AUTH PLAIN"))
        {
            var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + _options.Username + "\0" + _options.Password));
            ExpectAuth(await CommandAsync(smtp, "AUTH PLAIN " + blob, "AUTH PLAIN", ct).ConfigureAwait(false), 235);
            return;
        }
        if (capabilities.Contains("AUTH LOGIN"))
        {
            ExpectAuth(await CommandAsync(smtp, "AUTH LOGIN", "AUTH LOGIN", ct).ConfigureAwait(false), 334);
            ExpectAuth(await CommandAsync(smtp, Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Username)), "(user name)", ct).ConfigureAwait(false), 334);
            ExpectAuth(await CommandAsync(smtp, Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Password)), "(password)", ct).ConfigureAwait(false), 235);
            return;
        }
        throw new EmailSendException("AUTH", $"SMTP server {_options.Host} offers neither AUTH PLAIN nor AUTH LOGIN", false);
    }

    private async Task<SmtpReply> CommandAsync(SmtpConnection smtp, string line, string verbForLog, CancellationToken ct)
    {
        _logger.Command(verbForLog);
        await smtp.WriteLineAsync(line, ct).ConfigureAwait(false);
        return await smtp.ReadReplyAsync(ct).ConfigureAwait(false);
    }

    private async Task<SslStream> StartTlsAsync(Stream inner, CancellationToken ct)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: true);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_options.ConnectTimeout);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = _options.Host,
                RemoteCertificateValidationCallback = _certificateValidation,
                EnabledSslProtocols = SslProtocols.None, // the OS default (TLS 1.2/1.3)
            }, cts.Token).ConfigureAwait(false);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _logger.TlsEstablished(tls.SslProtocol.ToString());
        return tls;
    }

    private void Expect(SmtpReply reply, string stage, params int[] codes)
    {
        if (Array.IndexOf(codes, reply.Code) >= 0) return;
        throw new EmailSendException(stage, $"SMTP {stage} refused by {_options.Host}: {reply.Code} {Redact(reply.Text)}", reply.IsTransientFailure, reply.Code);
    }

    private void ExpectAuth(SmtpReply reply, int code)
    {
        if (reply.Code == code) return;
        // 535 (bad credentials) is permanent; 454 (temporary auth failure) may pass later.
        throw new EmailSendException("AUTH", $"SMTP AUTH refused by {_options.Host}: {reply.Code} {Redact(reply.Text)}", reply.IsTransientFailure, reply.Code);
    }

    private string Redact(string text)
    {
        if (string.IsNullOrEmpty(text) || _options.Password.Length == 0) return text;
        var result = text.Replace(_options.Password, "***", StringComparison.Ordinal);
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Password));
        result = result.Replace(b64, "***", StringComparison.Ordinal);
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + _options.Username + "\0" + _options.Password));
        return result.Replace(plain, "***", StringComparison.Ordinal);
    }
}
