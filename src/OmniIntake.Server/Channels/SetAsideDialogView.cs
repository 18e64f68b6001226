namespace OmniIntake.Server.Channels;

/// <summary>A conversation the dialog-expiry job could not handle, set aside with the reason (issue 12 item 2).</summary>
public sealed record SetAsideDialogView(string Id, string Channel, string? CaseNumber, string Reason, DateTimeOffset SetAsideAt);
