using Microsoft.AspNetCore.Hosting.Server;
using OmniIntake.Core.Promises;
using OmniIntake.Server.FollowUps;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Status;

/// <summary>/status?case=… on the hub's public address (FollowUp:PublicUrl, as the follow-up links use; else the first address it listens on).</summary>
public sealed class StatusLinks(FollowUpOptions options, IServer server) : IStatusLinks
{
    public string For(string caseNumber) => $"{Root}/status?case={Uri.EscapeDataString(caseNumber)}";

    public string ShortFor(string caseNumber) => $"{Root}/s/{Uri.EscapeDataString(caseNumber)}";

    private string Root => options.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : ServerAddresses.First(server);
}
