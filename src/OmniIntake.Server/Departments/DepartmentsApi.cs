using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Data.Departments;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Departments;

public sealed record CreateDepartmentRequest(string Code, string Name);

public static class DepartmentsApi
{
    public static void MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/departments").WithTags("Departments");
        group.MapGet("/", async (DepartmentStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .RequireAuthorization(Policies.Staff).WithName("ListDepartments").WithSummary("The departments cases can be forwarded to.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admins).WithName("CreateDepartment").WithSummary("For an admin: adds a department cases can be forwarded to.");
        app.MapCategoryMappingApi();
    }

    private static async Task<Results<Created<DepartmentView>, ProblemHttpResult>> CreateAsync(CreateDepartmentRequest request,
        DepartmentStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 50 || string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.Problem("code (1-50 characters) and name (1-200 characters) are required.", statusCode: 400, title: "Invalid department", extensions: ApiProblem.Code("department.invalid"));
        var created = await store.CreateAsync(request.Code.Trim(), request.Name.Trim(), ct);
        return created is null
            ? TypedResults.Problem($"A department with code '{request.Code}' exists.", statusCode: 409, title: "Code taken", extensions: ApiProblem.Code("department.code-taken"))
            : TypedResults.Created($"/api/departments/{created.Id}", created);
    }
}
