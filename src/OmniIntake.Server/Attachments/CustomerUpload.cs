using OmniIntake.Core.Attachments;
using OmniIntake.Server.Infrastructure.Problems;

namespace OmniIntake.Server.Attachments;

/// <summary>A file a customer sends with a multipart form (field "file"), read within the size limit.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

public static class CustomerUpload
{
    /// <returns>The file, or the stable code of the refusal ("attachment.too-large", "attachment.missing").</returns>
    public static async Task<(UploadedFile? File, string? Refusal)> ReadAsync(HttpRequest request, AttachmentRules rules, CancellationToken ct)
    {
        // Refused before the body is read when it says it is too large; a form's envelope is a few hundred bytes.
        if (request.ContentLength > rules.MaxBytes + 64 * 1024) return (null, "attachment.too-large");
        if (!request.HasFormContentType) return (null, "attachment.missing");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file) return (null, "attachment.missing");
        if (file.Length > rules.MaxBytes) return (null, "attachment.too-large");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (new UploadedFile(file.FileName, buffer.ToArray()), null);
    }

    /// <summary>A refusal as ProblemDetails with its stable code and the limit, for the customer's page to word.</summary>
    public static IResult Refuse(string code, AttachmentRules rules) => TypedResults.Problem(
        code switch
        {
            "attachment.too-large" => $"The file is larger than {rules.MaxSizeText}.",
            "attachment.type-not-allowed" => "Only images (JPEG, PNG, WebP, GIF) and PDF files are accepted.",
            "attachment.empty" => "The file is empty.",
            _ => "Choose a file to send.",
        },
        statusCode: code == "attachment.too-large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, title: code,
        extensions: ApiProblem.Code(code, ("maxBytes", rules.MaxBytes), ("allowedTypes", rules.EffectiveTypes)));
}
