using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data.FollowUps;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.FollowUps;

/// <summary>The customer's answer. <paramref name="Satisfaction"/> 1-5; <paramref name="Solved"/> false reopens the case.</summary>
public sealed record FollowUpAnswerRequest(int? Satisfaction, bool? Solved, string? Comment);

/// <summary>What the customer's page shows: which case, and whether it was answered already.</summary>
public sealed record FollowUpQuestion(string CaseNumber, bool Answered);

public sealed record ReopenRequest(string? Reason);

public static class FollowUpApi
{
    public static void MapFollowUpApi(this WebApplication app)
    {
        // The customer's side: the token is the only key, so these are open to anyone holding a link.
        var customer = app.MapGroup("/api/follow-up").WithTags("Follow-up").AllowAnonymous();
        customer.MapGet("/{token}", QuestionAsync).WithName("GetFollowUpQuestion").WithSummary("For a customer with a follow-up link: the satisfaction question about their resolved complaint.");
        customer.MapPost("/{token}", CustomerAnswerAsync).WithName("AnswerFollowUp").WithSummary("For a customer with a follow-up link: records whether they are satisfied with the resolution.");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Agents);
        cases.MapGet("/{id:long}/follow-ups", async (long id, FollowUpStore store, CancellationToken ct) => TypedResults.Ok(await store.ForCaseAsync(id, ct))).WithName("ListFollowUps").WithSummary("For an agent: the follow-up questions sent about a case and the answers.");
        cases.MapPost("/{id:long}/follow-up", AgentAnswerAsync).WithName("RecordFollowUpAnswer").WithSummary("For an agent: records the answer a customer gave to the follow-up by phone.");
        cases.MapPost("/{id:long}/reopen", ReopenAsync).WithName("ReopenCase").WithSummary("For an agent: reopens a resolved case, with the reason.");
    }

    private static async Task<Results<Ok<FollowUpQuestion>, ProblemHttpResult>> QuestionAsync(string token, FollowUpStore store, FollowUpOptions options,
        CancellationToken ct) =>
        await store.FindByTokenAsync(token, options.LinkLifetime, ct) is { } found
            ? TypedResults.Ok(new FollowUpQuestion(found.CaseNumber, found.AnsweredAt is not null))
            : UnknownLink();

    private static async Task<Results<NoContent, ProblemHttpResult>> CustomerAnswerAsync(string token, FollowUpAnswerRequest request, FollowUpStore store,
        FollowUpOptions options, CancellationToken ct)
    {
        if (await store.FindByTokenAsync(token, options.LinkLifetime, ct) is not { } found) return UnknownLink();
        if (Read(request) is not { } answer) return Invalid();
        return ApiResults.From(await store.AnswerAsync(found.Id, answer, "customer", ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AgentAnswerAsync(long id, FollowUpAnswerRequest request, FollowUpStore store,
        ClaimsPrincipal user, CancellationToken ct) =>
        Read(request) is { } answer ? ApiResults.From(await store.RecordByAgentAsync(id, answer, user.Identity!.Name!, ct)) : Invalid();

    private static async Task<Results<NoContent, ProblemHttpResult>> ReopenAsync(long id, ReopenRequest? request, Data.Cases.CaseCommands commands,
        ClaimsPrincipal user, CancellationToken ct) =>
        ApiResults.From(await commands.ReopenAsync(id, user.Identity!.Name!, request?.Reason ?? "", ct));

    private static FollowUpAnswer? Read(FollowUpAnswerRequest request) =>
        request is { Satisfaction: { } satisfaction, Solved: { } solved } ? new FollowUpAnswer(satisfaction, solved, request.Comment) : null;

    private static ProblemHttpResult Invalid() =>
        ApiResults.Problem(400, "followup.answer-invalid", "Invalid request", "Give satisfaction (1-5) and solved (true or false); a comment is optional.");

    private static ProblemHttpResult UnknownLink() =>
        ApiResults.Problem(404, "followup.link-unknown", "Unknown link", "This follow-up link is not valid or has expired; please contact the service centre.");
}
