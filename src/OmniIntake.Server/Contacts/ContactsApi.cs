using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Contacts;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Contacts;

/// <param name="OtherContactId">The contact the agent knows to be the same person.</param>
/// <param name="Reason">Why (audited), e.g. "same caller, confirmed by phone".</param>
public sealed record LinkContactsRequest(long OtherContactId, string? Reason);

public sealed record ContactLinked(long LinkId);

/// <summary>
/// Customers as people (issue 15 item 2): the customer panel beside a case (every case of that person across channels,
/// with status and outcome, repeat complaints flagged), a contact's profile, and linking/unlinking two contacts
/// agents know to be one person (audited in contact_links). Agents only: case records are confidential.
/// </summary>
public static class ContactsApi
{
    public static void AddContacts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CustomerProfiles>();
        builder.Services.AddSingleton<ContactFinder>();
    }

    public static void MapContactsApi(this WebApplication app)
    {
        app.MapGet("/api/cases/{id:long}/customer", async (long id, CustomerProfiles profiles, CancellationToken ct) =>
                await profiles.ForCaseAsync(id, ct) is { } profile
                    ? (Results<Ok<CustomerProfile>, ProblemHttpResult>)TypedResults.Ok(profile)
                    : Problem(404, "cases.not-found", "No such case", $"Case {id} does not exist."))
            .WithTags("Contacts").WithName("CaseCustomer").RequireAuthorization(Policies.Agents).WithSummary("For an agent: the customer behind a case, with their handles, linked contacts and earlier cases.");
        var contacts = app.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization(Policies.Agents);
        contacts.MapGet("/{id:long}", async (long id, CustomerProfiles profiles, CancellationToken ct) =>
            await profiles.ForContactAsync(id, ct) is { } profile
                ? (Results<Ok<CustomerProfile>, ProblemHttpResult>)TypedResults.Ok(profile)
                : Problem(404, "contacts.not-found", "No such contact", $"Contact {id} does not exist.")).WithName("GetContact").WithSummary("For an agent: one contact's profile, with their handles, linked contacts and cases.");
        contacts.MapPost("/{id:long}/links", LinkAsync).WithName("LinkContacts").WithSummary("For an agent: records that two contacts are the same person, with the reason.");
        // Issue 15: the link search finds a contact by a handle even when it has no case.
        contacts.MapGet("/", FindAsync).WithName("FindContacts").WithSummary("Contacts with this phone, e-mail or identity (as typed, normalised)");
        contacts.MapDelete("/links/{linkId:long}", async (long linkId, CustomerProfiles profiles, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await profiles.UnlinkAsync(linkId, user.Identity!.Name!, ct);
            return result.IsDone
                ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent()
                : result.Outcome == CommandOutcome.NotFound
                    ? Problem(404, "contacts.link-not-found", "No such link", result.Error!)
                    : Problem(409, "contacts.link-undone", "Already unlinked", result.Error!);
        }).WithName("UnlinkContacts").WithSummary("For an agent: removes a link between two contacts.");
    }

    private static async Task<Results<Created<ContactLinked>, ProblemHttpResult>> LinkAsync(long id, LinkContactsRequest request,
        CustomerProfiles profiles, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await profiles.LinkAsync(id, request.OtherContactId, request.Reason ?? "", user.Identity!.Name!, ct);
        return result.Outcome switch
        {
            CommandOutcome.Done => TypedResults.Created($"/api/contacts/{id}", new ContactLinked(result.LinkId!.Value)),
            CommandOutcome.NotFound => Problem(404, result.Code!, "No such contact", result.Error!),
            CommandOutcome.Conflict => Problem(409, result.Code!, "Already one person", result.Error!),
            _ => Problem(400, result.Code!, "Invalid link", result.Error!),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactHit>>, ProblemHttpResult>> FindAsync(string? q, ContactFinder finder, CancellationToken ct)
    {
        if (q is null || q.Trim().Length is < ContactFinder.MinQueryLength or > ContactFinder.MaxQueryLength)
            return Problem(400, "contacts.query-length", "Invalid query", $"q is {ContactFinder.MinQueryLength}-{ContactFinder.MaxQueryLength} characters.");
        return TypedResults.Ok(await finder.FindAsync(q, 20, ct));
    }

    /// <summary>A ProblemDetails with a stable <c>code</c> the web app renders in the user's language.</summary>
    private static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        ApiProblem.Of(status, code, title, detail);
}
