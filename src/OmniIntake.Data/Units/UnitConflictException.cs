namespace OmniIntake.Data.Units;

/// <summary>
/// A store inside an inbound unit found its write must be undone (a concurrent delivery won a race): the unit's runner
/// rolls the whole unit back and runs it again alone, where the store then sees the winner's commit (issue 17 item 2).
/// </summary>
public sealed class UnitConflictException() : Exception("A write inside an inbound unit must be undone; the unit is run again.");
