namespace OmniIntake.Core.Intake;

/// <summary>Limits an inbound message must respect; checked before anything is written.</summary>
public static class InboundMessageRules
{
    public const int MaxExternalIdLength = 400;
    public const int MaxTextLength = 200_000;
    public const int MaxSubjectLength = 1_000;
    public const int MaxFieldLength = 2_000;

    public static IReadOnlyList<string> Check(InboundMessage message)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(message.ExternalId))
            errors.Add("externalId is required: it is what makes a second delivery harmless.");
        else if (message.ExternalId.Length > MaxExternalIdLength)
            errors.Add($"externalId is at most {MaxExternalIdLength} characters (got {message.ExternalId.Length}).");
        if (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.Html) && message.Attachments.Count == 0)
            errors.Add("A message needs text, HTML or an attachment.");
        if (message.Text?.Length > MaxTextLength)
            errors.Add($"text is at most {MaxTextLength} characters (got {message.Text.Length}).");
        if (message.Subject?.Length > MaxSubjectLength)
            errors.Add($"subject is at most {MaxSubjectLength} characters (got {message.Subject.Length}).");
        if (message.ReceivedAt == default)
            errors.Add("receivedAt is required.");
        if (message.Fields is { } f)
        {
            foreach (var (name, value) in new[]
                     {
                         ("complainantName", f.ComplainantName), ("occurredAt", f.OccurredAt), ("location", f.Location),
                         ("customerRequest", f.CustomerRequest), ("category", f.Category), ("contactPhone", f.ContactPhone),
                         ("contactEmail", f.ContactEmail),
                     })
            {
                if (value?.Length > MaxFieldLength)
                    errors.Add($"{name} is at most {MaxFieldLength} characters (got {value.Length}).");
            }
        }
        return errors;
    }
}

/// <summary>Thrown when a channel hands over a message that breaks the rules; nothing was written.</summary>
public sealed class InvalidInboundMessageException(IReadOnlyList<string> errors)
    : Exception("The inbound message was refused: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
