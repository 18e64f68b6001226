using System.Net.Mail;
using PhoneNumbers;

namespace OmniIntake.Core.Contacts;

public enum ContactHandleKind
{
    Phone,
    Email,
    Chat,
    Forum,

    /// <summary>An anonymous complainant (accepted by policy): a handle made unique per complaint.</summary>
    Anonymous,
}

/// <summary>
/// One way to reach a person, normalised so that the same person is found again: phones in E.164,
/// emails lower-cased, chat and forum identities as given (they are opaque ids).
/// </summary>
public sealed record ContactHandle
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private ContactHandle(ContactHandleKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public ContactHandleKind Kind { get; }

    public string Value { get; }

    public string KindName => Kind.ToString().ToLowerInvariant();

    public override string ToString() => $"{KindName}:{Value}";

    /// <summary>Parses and normalises; a value that cannot be a handle of that kind is a clear error.</summary>
    public static ContactHandle Create(ContactHandleKind kind, string value, string defaultRegion = "CN")
    {
        if (TryCreate(kind, value, out var handle, out var error, defaultRegion)) return handle;
        throw new ArgumentException(error, nameof(value));
    }

    public static bool TryCreate(ContactHandleKind kind, string? value, out ContactHandle handle, out string error,
        string defaultRegion = "CN")
    {
        handle = null!;
        error = string.Empty;
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = $"A {kind.ToString().ToLowerInvariant()} handle must not be empty.";
            return false;
        }
        if (trimmed.Length > 320)
        {
            error = $"A {kind.ToString().ToLowerInvariant()} handle is at most 320 characters (got {trimmed.Length}).";
            return false;
        }
        switch (kind)
        {
            case ContactHandleKind.Phone:
                if (!TryNormalisePhone(trimmed, defaultRegion, out var e164))
                {
                    error = $"'{trimmed}' is not a valid phone number.";
                    return false;
                }
                handle = new ContactHandle(kind, e164);
                return true;
            case ContactHandleKind.Email:
                if (!MailAddress.TryCreate(trimmed, out var address))
                {
                    error = $"'{trimmed}' is not a valid email address.";
                    return false;
                }
                handle = new ContactHandle(kind, address.Address.ToLowerInvariant());
                return true;
            default:
                handle = new ContactHandle(kind, trimmed);
                return true;
        }
    }

    public static bool TryParseKind(string? name, out ContactHandleKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _);

    private static bool TryNormalisePhone(string text, string region, out string e164)
    {
        e164 = string.Empty;
        try
        {
            var number = Phones.Parse(text, region);
            if (!Phones.IsValidNumber(number)) return false;
            e164 = Phones.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
