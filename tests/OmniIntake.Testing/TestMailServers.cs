using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace OmniIntake.Testing;

/// <summary>
/// The real mail servers infra/test.sh starts: Dovecot (IMAP; OMNIINTAKE_TEST_IMAP) and Postfix (SMTP;
/// OMNIINTAKE_TEST_SMTP), which delivers everything it accepts to the "customer" mailbox.
/// </summary>
public static class TestMailServers
{
    public const string ImapVariable = "OMNIINTAKE_TEST_IMAP";
    public const string SmtpVariable = "OMNIINTAKE_TEST_SMTP";
    public const string CustomerUser = "customer@example.test";

    public static (string Host, int Port, string Username, string Password) Imap
    {
        get
        {
            var parts = Parse(ImapVariable);
            return (parts["Host"], int.Parse(parts["Port"], System.Globalization.CultureInfo.InvariantCulture), parts["Username"], parts["Password"]);
        }
    }

    public static (string Host, int Port) Smtp
    {
        get
        {
            var parts = Parse(SmtpVariable);
            return (parts["Host"], int.Parse(parts["Port"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Hub settings that read <paramref name="folder"/> of the intake mailbox and send through Postfix.</summary>
    public static Dictionary<string, string?> HubSettings(string folder, string? address = null)
    {
        var imap = Imap;
        var smtp = Smtp;
        return new Dictionary<string, string?>
        {
            ["Channels:Email:Address"] = address ?? "complaints@hub.example.test",
            ["Channels:Email:Imap:Host"] = imap.Host,
            ["Channels:Email:Imap:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:Imap:Security"] = "None",
            ["Channels:Email:Imap:Username"] = imap.Username,
            ["Channels:Email:Imap:Password"] = imap.Password,
            ["Channels:Email:Imap:Folder"] = folder,
            ["Channels:Email:Smtp:Host"] = smtp.Host,
            ["Channels:Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:Smtp:Security"] = "None",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
    }

    public static async Task<ImapClient> ConnectAsync(string? username = null, CancellationToken ct = default)
    {
        var imap = Imap;
        var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, SecureSocketOptions.None, ct);
        await client.AuthenticateAsync(username ?? imap.Username, imap.Password, ct);
        return client;
    }

    /// <summary>Messages the hub sent to <paramref name="recipient"/>, waiting until at least <paramref name="count"/> arrived.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> SentToAsync(string recipient, int count, TimeSpan timeout, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = await ConnectAsync(CustomerUser, ct);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
            var uids = await client.Inbox.SearchAsync(SearchQuery.HeaderContains("To", recipient), ct);
            var found = new List<MimeMessage>();
            foreach (var uid in uids) found.Add(await client.Inbox.GetMessageAsync(uid, ct));
            await client.DisconnectAsync(true, ct);
            if (found.Count >= count || DateTime.UtcNow > until) return found;
            await Task.Delay(200, ct);
        }
    }

    private static Dictionary<string, string> Parse(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable)
                    ?? throw new InvalidOperationException($"{variable} is not set. Run the tests with infra/test.sh, which starts the mail servers and sets it.");
        return value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }
}

/// <summary>A folder of its own in the intake mailbox for one test, deleted on dispose.</summary>
public sealed class TestMailbox : IAsyncDisposable
{
    private readonly ImapClient _client;
    private readonly IMailFolder _folder;

    private TestMailbox(ImapClient client, IMailFolder folder, string name)
    {
        _client = client;
        _folder = folder;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestMailbox> CreateAsync(CancellationToken ct = default)
    {
        var client = await TestMailServers.ConnectAsync(ct: ct);
        var name = $"t{Guid.NewGuid():N}";
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = await root.CreateAsync(name, true, ct) ?? throw new InvalidOperationException("Dovecot did not create the folder.");
        return new TestMailbox(client, folder, name);
    }

    /// <summary>Appends a raw message; MimeKit keeps the bytes of what it parsed and did not change.</summary>
    public Task AppendAsync(byte[] raw, CancellationToken ct = default) => AppendAsync(MimeMessage.Load(new MemoryStream(raw), ct), ct);

    public async Task AppendAsync(MimeMessage message, CancellationToken ct = default) =>
        await _folder.AppendAsync(new AppendRequest(message), ct);

    /// <summary>Appends many messages with MULTIAPPEND, a few hundred per command.</summary>
    public async Task AppendManyAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct = default)
    {
        foreach (var chunk in messages.Chunk(500))
            await _folder.AppendAsync(chunk.Select(m => (IAppendRequest)new AppendRequest(m)).ToList(), ct);
    }

    /// <summary>The folder's messages with their flags.</summary>
    public async Task<IReadOnlyList<IMessageSummary>> SummariesAsync(CancellationToken ct = default)
    {
        await _folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var list = await _folder.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags, ct);
        await _folder.CloseAsync(false, ct);
        return list.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_folder.IsOpen) await _folder.CloseAsync(false);
            await _folder.DeleteAsync();
            await _client.DisconnectAsync(true);
        }
        catch (Exception ex) when (ex is IOException or ImapCommandException or ImapProtocolException)
        {
            // Leaving a test folder behind is harmless; failing the test for it is not.
        }
        _client.Dispose();
    }
}
