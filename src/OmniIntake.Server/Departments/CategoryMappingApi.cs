using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data.Departments;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Departments;

/// <summary>Which department a category's complaints go to; null unmaps the category.</summary>
public sealed record CategoryMappingRequest(long? DepartmentId);

/// <summary>
/// The category → department mapping (issue 14 item 4): the admin sets it; the agent's forward action preselects the
/// mapped department (before, the alphabetically first). Problems carry a stable code the workspace says in words.
/// </summary>
public static class CategoryMappingApi
{
    public static void MapCategoryMappingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/category-departments").WithTags("Departments");
        group.MapGet("/", async (CategoryDepartmentStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithName("ListCategoryDepartments").WithSummary("The department each mapped category's complaints are forwarded to.")
            .RequireAuthorization(Policies.Staff);
        group.MapPut("/{category}", SetAsync)
            .WithName("SetCategoryDepartment").WithSummary("Maps a category to a department (departmentId null: no mapping).")
            .RequireAuthorization(Policies.Admins);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAsync(string category, CategoryMappingRequest request,
        CategoryDepartmentStore store, ClaimsPrincipal user, CancellationToken ct) =>
        await store.SetAsync(category, request.DepartmentId, user.Identity!.Name!, ct) switch
        {
            CategoryMappingOutcome.UnknownCategory => Problem(404, "category.unknown", $"Category '{category}' is not configured."),
            CategoryMappingOutcome.UnknownDepartment => Problem(400, "department.unknown", $"Department {request.DepartmentId} does not exist."),
            _ => TypedResults.NoContent(),
        };

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: code, extensions: ApiProblem.Code(code));
}
