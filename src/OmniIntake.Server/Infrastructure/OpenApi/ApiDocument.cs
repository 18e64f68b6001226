using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OmniIntake.Server.Infrastructure.OpenApi;

/// <summary>
/// The hub's OpenAPI document (/openapi/v1.json), from which the workspace's typed client is generated (issue 14 item 1).
/// Every /api operation has a name, a summary and its success type on its endpoint; this adds the one thing all share:
/// a refusal is a ProblemDetails with a stable <c>code</c> (ProblemCodes.All), whatever the status.
/// </summary>
public static class ApiDocument
{
    public const string ProblemSchema = "ProblemDetails";

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer(async (document, context, ct) =>
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, schema);
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null) continue;
            foreach (var operation in item.Operations.Values)
            {
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("default", new OpenApiResponse
                {
                    Description = "Refused or failed: a problem with a stable code the workspace says in the user's language.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    },
                });
            }
        }
    });
}
