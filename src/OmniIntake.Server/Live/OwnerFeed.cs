using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using OmniIntake.Core.Events;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Live;

/// <summary>
/// Tells the owners' pages which of their department's cases changed, batch by batch as <see cref="EventDispatcher"/>
/// pushes the log: the department a case is forwarded to now, and the one a re-dispatch or a send-back took it from
/// (so that department's list drops it). One query per batch. A signal twice is harmless (the page re-reads the case).
/// </summary>
public sealed class OwnerFeed(CaseQueries queries, IHubContext<OwnerHub, IOwnerClient> hub)
{
    public async Task PushAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var current = (await queries.DepartmentsOfAsync(events.Select(e => e.CaseId).Distinct().ToList(), cancellationToken))
            .ToDictionary(c => c.CaseId, c => c.DepartmentId);
        foreach (var e in events)
        {
            var signal = new OwnerSignal(e.Position, e.Kind, e.CaseId);
            var departments = new HashSet<long>();
            if (current.TryGetValue(e.CaseId, out var now)) departments.Add(now);
            if (PreviousDepartment(e) is { } before) departments.Add(before);
            foreach (var department in departments)
                await hub.Clients.Group(OwnerHub.DepartmentGroup(department)).Changed(signal, cancellationToken);
            await hub.Clients.Group(OwnerHub.EveryDepartmentGroup).Changed(signal, cancellationToken);
        }
    }

    /// <summary>The department a forward (re-dispatch) or a send-back took the case from, as its payload names it.</summary>
    private static long? PreviousDepartment(CaseEvent e)
    {
        var field = e.Kind switch
        {
            CaseEventKinds.Forwarded => "fromDepartmentId",
            CaseEventKinds.SentBack => "departmentId",
            _ => null,
        };
        if (field is null) return null;
        try
        {
            using var data = JsonDocument.Parse(e.Data);
            return data.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
