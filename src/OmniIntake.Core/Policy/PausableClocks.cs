using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Which clocks stop while a case waits for the customer or for outside expertise (issue 13; configuration
/// "Deadlines:PausableClocks"). By default the owner's answer (5.2.5) and the forum's public reply (5.3.1): the
/// department cannot answer without what it waits for. The forwarding (5.2.2) is the centre's own duty and keeps running
/// unless an organisation says otherwise.
/// </summary>
public sealed class PausableClocks
{
    public PausableClocks(IEnumerable<DeadlineKind> kinds) => Kinds = kinds.Distinct().ToArray();

    public static PausableClocks Default { get; } = new([DeadlineKind.OwnerAnswer, DeadlineKind.PublicReply]);

    public IReadOnlyList<DeadlineKind> Kinds { get; }

    public bool Contains(DeadlineKind kind) => Kinds.Contains(kind);

    /// <summary>From configured names (forward, ownerAnswer, publicReply, majorFirstAnswer); an unknown name is an error that names it.</summary>
    public static PausableClocks Parse(IEnumerable<string> names)
    {
        var kinds = new List<DeadlineKind>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<DeadlineKind>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(name, out _))
                throw new ArgumentException(
                    $"Deadlines:PausableClocks: '{name}' is not a clock (use forward, ownerAnswer, publicReply, majorFirstAnswer).", nameof(names));
            kinds.Add(kind);
        }
        return new PausableClocks(kinds);
    }
}
