using OmniIntake.Core.Events;

namespace OmniIntake.Data.Events;

/// <summary>An events row as the reader and the sequencer's RETURNING give it.</summary>
internal sealed class EventRow
{
    /// <summary>The columns of <see cref="EventRow"/>, in SELECT or RETURNING.</summary>
    public const string Columns = "position, kind, case_id, case_number, occurred_at, data";

    public long Position { get; init; }
    public string Kind { get; init; } = "";
    public long CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public string Data { get; init; } = "";

    public CaseEvent ToEvent() => new(Position, Kind, CaseId, CaseNumber, OccurredAt, Data);
}
