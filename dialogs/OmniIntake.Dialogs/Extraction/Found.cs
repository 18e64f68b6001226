namespace OmniIntake.Dialogs.Extraction;

/// <summary>A value read from a message and where it stood (in the folded text), so the rest can be read for what remains.</summary>
public sealed record Found(ReadValue Value, int Index, int Length);
