using OmniIntake.Core.Conversations;

namespace OmniIntake.Dialogs.Engine;

/// <summary>Where one conversation's dialog stands; stored as JSON, so any server node continues it after a restart.</summary>
public sealed class DialogState
{
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Language { get; set; } = "zh-CN";
    public DialogStyle Style { get; set; }
    public DialogPhase Phase { get; set; }

    /// <summary>Field name to stored value (normalised: E.164, yyyy-MM-dd HH:mm, a category code).</summary>
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>Field name to what is shown back to the customer in the summary.</summary>
    public Dictionary<string, string> Shown { get; set; } = [];

    /// <summary>Fields known from the channel (the SMS number): filled, never asked.</summary>
    public List<string> FromChannel { get; set; } = [];

    /// <summary>Optional fields the customer declined, and required ones given up after three tries.</summary>
    public List<string> Skipped { get; set; } = [];

    public string? Asking { get; set; }

    /// <summary>Fields asked in the same question as <see cref="Asking"/> (chat: "your name and phone?").</summary>
    public List<string> AskingAlso { get; set; } = [];
    public int Retries { get; set; }

    /// <summary>Correcting one field from the summary: after it, back to the summary.</summary>
    public bool Correcting { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? CaseNumber { get; set; }

    /// <summary>Registered before every required field was known (hand-off, time-out).</summary>
    public bool Incomplete { get; set; }

    public bool IsOver => Phase is DialogPhase.Registered or DialogPhase.Cancelled or DialogPhase.HandedOff or DialogPhase.Expired;
}

public enum DialogPhase
{
    Collecting,
    Confirming,
    ChoosingCorrection,
    Registered,
    Cancelled,
    HandedOff,
    Expired,
}

/// <summary>What the engine wants done after a turn; the runner does it and fills the case number into the replies.</summary>
public enum DialogAction
{
    None,

    /// <summary>Register the case with what was collected (complete, or incomplete on hand-off/time-out).</summary>
    Register,

    /// <summary>Register what was collected as incomplete and pass the conversation to an agent.</summary>
    HandOff,

    Cancel,
}

public sealed record DialogTurn(DialogState State, IReadOnlyList<string> Replies, DialogAction Action);
