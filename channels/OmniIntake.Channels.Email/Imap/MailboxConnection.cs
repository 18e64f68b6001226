using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using OmniIntake.Channels.Email.Setup;

namespace OmniIntake.Channels.Email.Imap;

/// <summary>Connecting to the configured mailbox, and telling a server's failure from a bug.</summary>
internal static class MailboxConnection
{
    public static async Task<IMailFolder> OpenAsync(ImapClient client, ImapMailboxOptions mailbox, FolderAccess access,
        CancellationToken cancellationToken)
    {
        await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, cancellationToken);
        await client.AuthenticateAsync(mailbox.Username, mailbox.Password, cancellationToken);
        var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        await folder.OpenAsync(access, cancellationToken);
        return folder;
    }

    public static async Task<IMailFolder> ProcessedFolderAsync(IMailFolder folder, ImapMailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var parent = folder.ParentFolder ?? throw new InvalidOperationException("The mailbox folder has no parent to hold the processed folder.");
        try
        {
            return await parent.GetSubfolderAsync(mailbox.ProcessedFolder, cancellationToken)
                   ?? throw new FolderNotFoundException(mailbox.ProcessedFolder);
        }
        catch (FolderNotFoundException)
        {
            return await parent.CreateAsync(mailbox.ProcessedFolder, true, cancellationToken)
                   ?? throw new InvalidOperationException($"The server did not create the folder {mailbox.ProcessedFolder}.");
        }
    }

    /// <summary>The server is down, unreachable, refused the login or broke the protocol: back off and try again.</summary>
    public static bool IsServerFailure(Exception ex) =>
        ex is SocketException or IOException or AuthenticationException or ImapProtocolException or ImapCommandException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or FolderNotFoundException or TimeoutException
            or SslHandshakeException;

    public static string Describe(Exception ex) => ex switch
    {
        AuthenticationException => $"The server refused the login: {ex.Message}",
        SocketException socket => $"The server could not be reached: {socket.SocketErrorCode} ({ex.Message})",
        FolderNotFoundException => $"The folder does not exist: {ex.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
