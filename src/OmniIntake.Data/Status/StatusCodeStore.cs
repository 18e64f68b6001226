using System.Security.Cryptography;
using System.Text;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Events;
using OmniIntake.Core.Outbound;
using OmniIntake.Core.Text;
using OmniIntake.Data.Outbox;

namespace OmniIntake.Data.Status;

public enum CodeRequestOutcome
{
    /// <summary>A code is on its way to the contact (queued in the outbox with the case).</summary>
    Sent,

    /// <summary>No case with that number has that phone or e-mail: nothing sent (the caller does not learn which part is wrong).</summary>
    NoMatch,

    /// <summary>Too many codes for the case or the address within the hour.</summary>
    RateLimited,
}

public enum CodeCheckOutcome
{
    Valid,
    Wrong,
    Expired,
    TooManyAttempts,
}

/// <param name="CaseId">The case the code opens, when <paramref name="Outcome"/> is Valid.</param>
public sealed record CodeCheck(CodeCheckOutcome Outcome, long? CaseId);

/// <summary>Limits of the self-service codes (issue 16 item 5).</summary>
public sealed record StatusCodeLimits(TimeSpan Lifetime, int AttemptsPerCode, int CodesPerHourPerCase, int CodesPerHourPerAddress)
{
    public static StatusCodeLimits Default { get; } = new(TimeSpan.FromMinutes(10), 5, 5, 5);
}

/// <summary>
/// One-time codes for the self-service status page (issue 16 item 5): a code goes only to a phone or e-mail that is on
/// the case, through the outbox in the same transaction (sealed: the case file shows the message without the code, so
/// nobody reading the case can use it); only its hash is kept; it expires, allows a few attempts and is used once;
/// requests are counted per case and per address.
/// </summary>
public sealed class StatusCodeStore(Database database, TimeProvider clock, IEventLogSignal signal, IOutboundSeal seal)
{
    private sealed class CaseContact
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? ContactPhone { get; init; }
        public string? ContactEmail { get; init; }
        public long ContactId { get; init; }
    }

    /// <param name="contact">A phone number or an e-mail address, as the customer types it.</param>
    public async Task<CodeRequestOutcome> RequestAsync(string caseNumber, string contact, string language, StatusCodeLimits limits,
        CancellationToken cancellationToken = default)
    {
        var handle = Read(contact);
        if (handle is null || caseNumber.Length > 40) return CodeRequestOutcome.NoMatch;
        var now = clock.GetUtcNow();
        var key = handle.Kind.ToString().ToLowerInvariant() + ":" + handle.Value;
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        var found = await c.OneOrDefaultAsync<CaseContact>(
            "SELECT id, number, channel, contact_phone, contact_email, contact_id FROM cases WHERE number = @caseNumber",
            new { caseNumber = caseNumber.Trim().ToUpperInvariant() }, tx, cancellationToken);
        if (found is null || !await IsOnCaseAsync(c, tx, found, handle, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return CodeRequestOutcome.NoMatch;
        }
        var since = now - TimeSpan.FromHours(1);
        var forCase = await c.OneAsync<long>("SELECT COUNT(*) FROM status_codes WHERE case_id = @Id AND created_at > @since", new { found.Id, since }, tx,
            cancellationToken);
        var forAddress = await c.OneAsync<long>("SELECT COUNT(*) FROM status_codes WHERE contact_key = @key AND created_at > @since", new { key, since }, tx,
            cancellationToken);
        if (forCase >= limits.CodesPerHourPerCase || forAddress >= limits.CodesPerHourPerAddress)
        {
            await tx.RollbackAsync(cancellationToken);
            return CodeRequestOutcome.RateLimited;
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await c.ExecAsync(
            "INSERT INTO status_codes (case_id, contact_key, code_hash, created_at, expires_at, attempts) VALUES (@Id, @key, @hash, @now, @expires, 0)",
            new { found.Id, key, hash = Hash(found.Id, code), now, expires = now + limits.Lifetime }, tx, cancellationToken);
        var zh = language == Languages.Chinese;
        var minutes = (int)limits.Lifetime.TotalMinutes;
        string Text(string shown) => zh
            ? $"您查询投诉 {found.Number} 进度的验证码：{shown}，{minutes}分钟内有效。如非本人操作，请忽略。"
            : $"Your code to see the progress of case {found.Number}: {shown} (valid for {minutes} minutes). If you did not ask for it, ignore this message.";
        var channel = handle.Kind == ContactHandleKind.Phone ? "sms" : "email";
        await HubMessages.QueueAsync(c, tx, database, found.Id, "outbound", channel, handle.Value, zh ? "投诉进度查询验证码" : "Your case status code",
            Text(zh ? "[验证码仅发送给客户]" : "[code sent to the customer only]"), now, cancellationToken, sealedText: seal.Seal(Text(code)));
        await tx.CommitAsync(cancellationToken);
        signal.EventsCommitted(); // the outbox watcher sends the code now
        return CodeRequestOutcome.Sent;
    }

    /// <summary>Checks the newest code of the case: right, wrong (one attempt used), expired, or out of attempts. A right code is used up.</summary>
    public async Task<CodeCheck> CheckAsync(string caseNumber, string code, StatusCodeLimits limits, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        var latest = await c.OneOrDefaultAsync<LatestCode>(
            """
            SELECT s.id, s.case_id, s.code_hash, s.expires_at, s.attempts, s.used_at FROM status_codes s JOIN cases c ON c.id = s.case_id
            WHERE c.number = @number ORDER BY s.id DESC LIMIT 1
            """, new { number = caseNumber.Trim().ToUpperInvariant() }, tx, cancellationToken);
        CodeCheck result;
        if (latest is null || latest.UsedAt is not null || latest.ExpiresAt <= now) result = new CodeCheck(CodeCheckOutcome.Expired, null);
        else if (latest.Attempts >= limits.AttemptsPerCode) result = new CodeCheck(CodeCheckOutcome.TooManyAttempts, null);
        else if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.CaseId, code.Trim())), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            await c.ExecAsync("UPDATE status_codes SET used_at = @now WHERE id = @Id", new { now, latest.Id }, tx, cancellationToken);
            result = new CodeCheck(CodeCheckOutcome.Valid, latest.CaseId);
        }
        else
        {
            await c.ExecAsync("UPDATE status_codes SET attempts = attempts + 1 WHERE id = @Id", new { latest.Id }, tx, cancellationToken);
            result = new CodeCheck(latest.Attempts + 1 >= limits.AttemptsPerCode ? CodeCheckOutcome.TooManyAttempts : CodeCheckOutcome.Wrong, null);
        }
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    private sealed class LatestCode
    {
        public long Id { get; init; }
        public long CaseId { get; init; }
        public string CodeHash { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
    }

    private static ContactHandle? Read(string contact)
    {
        var kind = contact.Contains('@', StringComparison.Ordinal) ? ContactHandleKind.Email : ContactHandleKind.Phone;
        return ContactHandle.TryCreate(kind, contact, out var handle, out _) ? handle : null;
    }

    /// <summary>The phone or e-mail registered on the case, or one of its contact's handles.</summary>
    private static async Task<bool> IsOnCaseAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, CaseContact found,
        ContactHandle handle, CancellationToken cancellationToken)
    {
        var registered = handle.Kind == ContactHandleKind.Phone ? found.ContactPhone : found.ContactEmail;
        if (registered is not null && ContactHandle.TryCreate(handle.Kind, registered, out var onCase, out _) && onCase.Value == handle.Value) return true;
        return await c.OneAsync<long>("SELECT COUNT(*) FROM contact_handles WHERE contact_id = @ContactId AND kind = @kind AND value = @Value",
            new { found.ContactId, kind = handle.KindName, handle.Value }, tx, cancellationToken) > 0;
    }

    private static string Hash(long caseId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + code)));
}
