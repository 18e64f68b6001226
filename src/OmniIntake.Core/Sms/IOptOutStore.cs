namespace OmniIntake.Core.Sms;

/// <summary>Numbers that asked for no more messages (STOP, 退订); agents see them and the sender refuses them.</summary>
public interface IOptOutStore
{
    Task OptOutAsync(string phone, string keyword, CancellationToken cancellationToken = default);

    /// <returns>True when the number was opted out.</returns>
    Task<bool> OptInAsync(string phone, CancellationToken cancellationToken = default);

    Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OptOut>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record OptOut(string Phone, string Keyword, DateTimeOffset OptedOutAt);
