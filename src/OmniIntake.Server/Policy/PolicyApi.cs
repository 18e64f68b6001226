using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Policy;

public sealed record PreviewedDeadline(string Kind, DateTimeOffset DueAt, string Rule, string? Assumption)
{
    /// <summary>The rule as a stable code with parameters (issue 14): the workspace says it in the user's language.</summary>
    public Core.Policy.DeadlineRuleCode RuleCode { get; init; } = Core.Policy.DeadlineRuleCode.Unknown;
}

public sealed record PolicyPresetInfo(string Name, string Description);

public sealed record PolicyPresetList(string InForce, IReadOnlyList<PolicyPresetInfo> Presets);

public sealed record PolicyPreview(string Channel, DateTimeOffset ReceivedAt, bool WorkingTime, IReadOnlyList<PreviewedDeadline> Deadlines);

public static class PolicyApi
{
    public static void MapPolicyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/policy/preview", Preview).WithTags("Policy").RequireAuthorization(Policies.Supervisors).WithName("PreviewPolicy").WithSummary("For a supervisor: the deadlines a complaint received on a channel at a given time would get under the policy.");
        app.MapGet("/api/policy/presets", (PolicyOptions options) => TypedResults.Ok(new PolicyPresetList(options.Preset,
                PolicyPresets.Names.Select(n => new PolicyPresetInfo(n, PolicyPresets.Describe(n))).ToList())))
            .WithTags("Policy").RequireAuthorization(Policies.Supervisors).WithName("ListPolicyPresets").WithSummary("For a supervisor: the deadline policy presets and the one in force.");
    }

    /// <summary>What the policy would set for a complaint on this channel at this time; times in the organisation's zone.
    /// <paramref name="preset"/> previews an example policy on the same calendar instead of the one in force.</summary>
    private static Results<Ok<PolicyPreview>, ProblemHttpResult> Preview(string? channel, string? receivedAt, string? preset,
        IDeadlinePolicy inForce, CalendarHolder holder)
    {
        var calendar = holder.Current;
        var policy = inForce;
        if (preset is not null)
        {
            if (!PolicyPresets.TryCreate(preset, out var options))
                return TypedResults.Problem($"preset must be one of {string.Join(", ", PolicyPresets.Names)} (got '{preset}').", statusCode: 400,
                    title: "Invalid preset", extensions: ApiProblem.Code("policy.preset-invalid"));
            policy = new DefaultDeadlinePolicy(calendar, options);
        }
        if (!ChannelNames.TryParse(channel, out var parsed))
            return TypedResults.Problem($"channel must be one of {string.Join(", ", ChannelNames.All)} (got '{channel}').", statusCode: 400,
                title: "Invalid channel", extensions: ApiProblem.Code("policy.channel-invalid"));
        if (!DateTimeOffset.TryParse(receivedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
                out var at) || receivedAt!.Length < 16 || !HasOffset(receivedAt))
            return TypedResults.Problem($"receivedAt must be an ISO 8601 time with an offset, e.g. 2026-11-24T09:15:00+08:00 (got '{receivedAt}').",
                statusCode: 400, title: "Invalid receivedAt", extensions: ApiProblem.Code("policy.received-at-invalid"));
        var forward = policy.Forwarding(parsed, at);
        var answer = policy.Answer(parsed, forward.DueAt);
        var major = policy.MajorFirstAnswer(at);
        var local = (DueTime d, string? assumption) =>
            new PreviewedDeadline(d.Kind.ToName(), TimeZoneInfo.ConvertTime(d.DueAt, calendar.Zone), d.Rule, assumption) { RuleCode = d.Code };
        return TypedResults.Ok(new PolicyPreview(parsed.ToName(), TimeZoneInfo.ConvertTime(at, calendar.Zone), calendar.IsWorkingTime(at),
            [local(forward, null), local(answer, "if forwarded at the forwarding deadline"), local(major, "if the case is classified major")]));
    }

    private static bool HasOffset(string text)
    {
        var t = text.Trim();
        return t.EndsWith('Z') || t.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(t, @"[+-]\d{2}:?\d{2}$");
    }
}
