using MailKit.Security;

namespace OmniIntake.Channels.Email.Setup;

/// <summary>Bound from configuration section "Channels:Email".</summary>
public sealed class EmailChannelOptions
{
    public const string Section = "Channels:Email";

    /// <summary>The organisation's complaint address: the From of what the hub sends, the domain of its Message-IDs.</summary>
    public string Address { get; set; } = "complaints@omniintake.invalid";

    public string DisplayName { get; set; } = "Complaints";

    /// <summary>The key an MTA sends in X-Api-Key to pipe mail in; the pipe is closed while it is not set.</summary>
    public string? PipeApiKey { get; set; }

    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Answer a new e-mail case with its number (never an auto-reply, a bounce or our own address); needs Smtp.</summary>
    public bool Acknowledge { get; set; } = true;

    /// <summary>At most this many automatic messages to one address per <see cref="AutomaticReplyWindow"/>: a loop breaker.</summary>
    public int AutomaticRepliesPerWindow { get; set; } = 5;

    public TimeSpan AutomaticReplyWindow { get; set; } = TimeSpan.FromHours(1);

    public Parsing.AttachmentLimits Attachments { get; set; } = new();

    public ImapMailboxOptions? Imap { get; set; }

    public SmtpOptions? Smtp { get; set; }

    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PipeApiKey is { Length: > 0 and < 16 })
            errors.Add($"Channels:Email:PipeApiKey must be at least 16 characters (got {PipeApiKey.Length}).");
        if (MaxMessageBytes is < 1024 or > 200 * 1024 * 1024)
            errors.Add($"Channels:Email:MaxMessageBytes must be 1 KiB-200 MiB (got {MaxMessageBytes}).");
        if (!MimeKit.MailboxAddress.TryParse(Address, out var parsed) || parsed.Domain.Length == 0)
            errors.Add($"Channels:Email:Address must be an e-mail address (got '{Address}').");
        if (Attachments.MaxBytes < 1) errors.Add("Channels:Email:Attachments:MaxBytes must be positive.");
        if (AutomaticRepliesPerWindow < 1) errors.Add("Channels:Email:AutomaticRepliesPerWindow must be at least 1.");
        if (Imap is not null) errors.AddRange(Imap.Validate());
        if (Smtp is not null) errors.AddRange(Smtp.Validate());
        return errors;
    }
}

/// <summary>"Channels:Email:Imap": the mailbox the hub reads complaints from.</summary>
public sealed class ImapMailboxOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";

    /// <summary>What happens to a message once its case message is committed: flag it \Seen, or move it to <see cref="ProcessedFolder"/>.</summary>
    public AfterProcessing AfterProcessing { get; set; } = AfterProcessing.Seen;

    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>How often to poll (NOOP) when the server offers no IDLE; Hangfire also sweeps every minute regardless.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>IDLE is re-issued this often: servers drop an IDLE after about 30 minutes (RFC 2177 asks for under 29).</summary>
    public TimeSpan IdleRestart { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>
    /// How long a sweep holds the mailbox without renewing (renewed every batch). A crashed holder blocks the mailbox
    /// this long at most; correctness never depends on it (a message taken twice is a duplicate by its identity).
    /// </summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>No successful sweep for this long raises the stall alert (log error, health "unhealthy").</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(10);

    public int BatchSize { get; set; } = 50;

    /// <summary>How many mails of a batch are taken in at once (issue 17 item 2: concurrent units share commits); one
    /// conversation's mail (one sender, a reply and its original) always in order.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>The poller's name in the pollers table and the health report; the password is never part of it.</summary>
    public string PollerName => $"imap:{Username}@{Host}:{Port}/{Folder}";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("Channels:Email:Imap:Host is required.");
        if (Port is < 1 or > 65535) errors.Add($"Channels:Email:Imap:Port must be 1-65535 (got {Port}).");
        if (string.IsNullOrWhiteSpace(Username)) errors.Add("Channels:Email:Imap:Username is required.");
        if (string.IsNullOrWhiteSpace(Folder)) errors.Add("Channels:Email:Imap:Folder is required.");
        if (AfterProcessing == AfterProcessing.Move && string.IsNullOrWhiteSpace(ProcessedFolder))
            errors.Add("Channels:Email:Imap:ProcessedFolder is required when AfterProcessing is Move.");
        if (IdleRestart < TimeSpan.FromSeconds(1) || IdleRestart > TimeSpan.FromMinutes(29))
            errors.Add("Channels:Email:Imap:IdleRestart must be between 1 second and 29 minutes.");
        if (LeaseTtl < TimeSpan.FromSeconds(5)) errors.Add("Channels:Email:Imap:LeaseTtl must be at least 5 seconds.");
        if (Parallelism is < 1 or > 64) errors.Add($"Channels:Email:Imap:Parallelism must be 1-64 (got {Parallelism}).");
        if (BatchSize is < 1 or > 1000) errors.Add($"Channels:Email:Imap:BatchSize must be 1-1000 (got {BatchSize}).");
        return errors;
    }
}

public enum AfterProcessing
{
    Seen,
    Move,
}

/// <summary>"Channels:Email:Smtp": the server replies are sent through.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("Channels:Email:Smtp:Host is required.");
        if (Port is < 1 or > 65535) errors.Add($"Channels:Email:Smtp:Port must be 1-65535 (got {Port}).");
        return errors;
    }
}
