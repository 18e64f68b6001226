using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.Email.Smtp;

/// <summary>
/// Sends e-mail replies through SMTP with MailKit, one connection per send. A 4xx answer, a dropped connection or a
/// failed login is worth another try (the outbox backs off); a 5xx answer about the recipient never gets better.
/// </summary>
public sealed class SmtpSender(EmailChannelOptions options, SmtpOptions smtp) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (!MimeKit.MailboxAddress.TryParse(message.Recipient, out _))
            return SendResult.Failed($"'{message.Recipient}' is not an e-mail address.");
        var mail = ReplyComposer.Compose(message, options);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return SendResult.Sent("<" + mail.MessageId + ">");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SendResult.Failed($"The server refused the recipient {message.Recipient}: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or SocketException
                                       or IOException or ServiceNotConnectedException or TimeoutException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
