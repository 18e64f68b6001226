using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Conversations;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Workspace;

/// <summary>
/// The workspace (issue 14): the single-page application built from ClientApp/ into wwwroot/app, served at /app/ with
/// its routes falling back to index.html, and the additions to the API it needs (the case's dialog transcript).
/// </summary>
public static class WorkspaceApp
{
    public const string BasePath = "/app";

    public static void AddWorkspace(this WebApplicationBuilder builder) => builder.Services.AddSingleton<DialogTranscripts>();

    public static void MapWorkspace(this WebApplication app)
    {
        // The app's shell is public (like /login.html): it signs in by itself, and every API call it makes is authorised
        // on its own; the hub's fallback policy (signed-in users only) would send it to the old sign-in page instead.
        // /app, /app/ and a route of the app (/app/cases/TS-...) are index.html; the router shows the page. Files under /app/assets are
        // static files and never reach this (a missing asset stays a 404).
        app.MapFallbackToFile(BasePath + "/{**path:nonfile}", "app/index.html").AllowAnonymous();
        app.MapGet("/api/cases/{id:long}/dialog", DialogAsync)
            .WithTags("Cases").WithName("GetCaseDialog")
            .WithSummary("The guided dialog that registered the case: the bot's questions and the customer's answers, in order.")
            .RequireAuthorization(Policies.Agents);
        app.MapGet("/api/workspace/settings", Settings)
            .WithTags("Workspace").WithName("GetWorkspaceSettings")
            .WithSummary("What the workspace needs to show times as the organisation means them: its time zone (IANA id).")
            .RequireAuthorization(Policies.Staff);
    }

    private static Ok<WorkspaceSettings> Settings(IntakeOptions intake) => TypedResults.Ok(new WorkspaceSettings(intake.TimeZone));

    private static async Task<Ok<IReadOnlyList<DialogLine>>> DialogAsync(long id, DialogTranscripts transcripts, CancellationToken ct) =>
        TypedResults.Ok(await transcripts.ForCaseAsync(id, ct));
}

/// <summary>The organisation's time zone: deadlines, receipt times and "work starts at" are shown in it, whatever the browser's.</summary>
public sealed record WorkspaceSettings(string TimeZone);
