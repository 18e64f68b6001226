namespace OmniIntake.Core.Outbound;

/// <summary>
/// Protects the text of an outbound message that holds a secret the case file must not show (a follow-up's link,
/// issue 12 item 13) while it waits in the outbox; the host implements it with its Data Protection key ring.
/// </summary>
public interface IOutboundSeal
{
    string Seal(string text);

    /// <returns>The text, or null when it cannot be opened (the key ring lost or rotated out).</returns>
    string? Unseal(string sealedText);
}
