using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Outbound;

/// <summary>What a provider reports later about a reply it accepted (Twilio's status callback): kept on the reply, pushed live.</summary>
public interface IDeliveryReports
{
    /// <returns>False when no reply with that provider id exists.</returns>
    Task<bool> RecordAsync(Channel channel, string providerId, string status, string? error, CancellationToken cancellationToken = default);
}
