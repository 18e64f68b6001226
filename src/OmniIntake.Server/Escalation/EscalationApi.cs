using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Escalation;
using OmniIntake.Data.Escalation;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Escalation;

/// <summary>A configured rule as the supervisors' check shows it, with why its supervisor cannot be given cases (a code), if so.</summary>
public sealed record EscalationRuleView(string Clock, string On, bool Notify, bool RaiseClass, string? AssignTo, string? AssignToProblem);

/// <summary>
/// Escalation on breach and at risk (issue 13 item 5): the rules from appsettings "Escalation:Rules" (checked at start-up:
/// a wrong clock or phase stops the hub with a message naming it), what escalated on a case, and the rules in force with
/// a code for each named supervisor who does not exist, is not a supervisor or has no account any more.
/// </summary>
public static class EscalationApi
{
    public const string Section = "Escalation";

    public static void AddEscalation(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section + ":Rules").Get<List<EscalationRuleSetting>>();
        var (rules, errors) = EscalationRules.Parse(settings);
        if (errors.Count > 0) throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", errors));
        builder.Services.AddSingleton(rules);
        builder.Services.AddSingleton<EscalationQueries>();
    }

    public static void MapEscalationApi(this WebApplication app)
    {
        app.MapGet("/api/cases/{id:long}/escalations", async (long id, EscalationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ForCaseAsync(id, ct)))
            .WithTags("Cases").WithName("ListCaseEscalations")
            .WithSummary("For staff: what the escalation rules did on a case when a clock was at risk or breached.")
            .RequireAuthorization(Policies.Agents);
        app.MapGet("/api/escalation/rules", RulesAsync).WithTags("Escalation").WithName("ListEscalationRules")
            .WithSummary("For a supervisor: the escalation rules in force, with a code for each named supervisor who cannot be given cases.")
            .RequireAuthorization(Policies.Supervisors);
    }

    private static async Task<Ok<List<EscalationRuleView>>> RulesAsync(EscalationRules rules, EscalationQueries queries, CancellationToken ct)
    {
        var views = new List<EscalationRuleView>();
        foreach (var rule in rules.All)
        {
            string? problem = null;
            if (rule.AssignTo is { } name) problem = EscalationRule.SupervisorProblem(await queries.UserAsync(name, ct));
            views.Add(new EscalationRuleView(rule.Clock.ToName(), rule.On.ToName(), rule.Notify, rule.RaiseClass, rule.AssignTo, problem));
        }
        return TypedResults.Ok(views);
    }
}
