using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniIntake.Dialogs.Definitions;

/// <summary>Reads and checks dialog definitions at start-up; a bad file stops the start with every problem named.</summary>
public static class DefinitionLoader
{
    /// <summary>The registration fields a definition may fill (Core's CaseFields) and "text", the complaint itself.</summary>
    public static readonly IReadOnlySet<string> Targets = new HashSet<string>
    {
        "text", "complainantName", "contactPhone", "contactEmail", "occurredAt", "location", "customerRequest", "category",
    };

    private static readonly string[] RequiredMessages = ["greeting", "confirm", "registered", "cancelled", "handoff", "whichField", "emailAsk"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The definitions shipped with the engine (copied beside the assembly).</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "definitions");

    public static DialogDefinition LoadFile(string path)
    {
        DialogDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<DialogDefinition>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDialogDefinitionException(path, [$"not valid JSON for a dialog: {ex.Message}"]);
        }
        if (definition is null) throw new InvalidDialogDefinitionException(path, ["the file is empty"]);
        var errors = Validate(definition);
        if (errors.Count > 0) throw new InvalidDialogDefinitionException(path, errors);
        return definition;
    }

    public static IReadOnlyList<string> Validate(DialogDefinition definition)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Id)) errors.Add("id is required");
        if (definition.TimeoutMinutes is < 1 or > 7 * 24 * 60) errors.Add($"timeoutMinutes must be 1-10080 (got {definition.TimeoutMinutes})");
        foreach (var key in RequiredMessages)
        {
            if (!definition.Messages.TryGetValue(key, out var text)) errors.Add($"messages.{key} is missing");
            else CheckLocalized(text, $"messages.{key}", errors);
        }
        if (definition.Fields.Count == 0) errors.Add("fields: at least one field is needed");
        if (!definition.Fields.Any(f => f.Target == "text")) errors.Add("fields: one field must have target \"text\" (what the complaint says)");
        foreach (var duplicate in definition.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            errors.Add($"fields: the name '{duplicate.Key}' is used {duplicate.Count()} times");
        foreach (var (field, index) in definition.Fields.Select((f, i) => (f, i)))
        {
            var at = $"fields[{index}] ({field.Name})";
            if (string.IsNullOrWhiteSpace(field.Name)) errors.Add($"fields[{index}]: name is required");
            if (!Enum.IsDefined(field.Kind)) errors.Add($"{at}: unknown kind");
            if (!Targets.Contains(field.Target)) errors.Add($"{at}: target '{field.Target}' is not one of {string.Join(", ", Targets)}");
            if (field.MinLength < 0) errors.Add($"{at}: minLength cannot be negative");
            if (field.FromChannel is not null and not ("phone" or "email")) errors.Add($"{at}: fromChannel must be \"phone\" or \"email\"");
            if (!field.Ask && field.Required) errors.Add($"{at}: a required field must be asked (ask: false only for optional fields)");
            CheckLocalized(field.Label, $"{at}.label", errors);
            CheckLocalized(field.Prompt, $"{at}.prompt", errors);
            CheckLocalized(field.Retry, $"{at}.retry", errors);
            if (field.Kind == FieldKind.Choice && field.Choices.Count == 0) errors.Add($"{at}: a choice field needs choices");
            if (field.Kind != FieldKind.Choice && field.Choices.Count > 0) errors.Add($"{at}: only a choice field has choices");
            foreach (var choice in field.Choices.Where(c => string.IsNullOrWhiteSpace(c.Value) || c.Synonyms.Count == 0))
                errors.Add($"{at}: choice '{choice.Value}' needs a value and at least one synonym");
            foreach (var choice in field.Choices.Where(c => c.Label is not null)) CheckLocalized(choice.Label!, $"{at}.choices[{choice.Value}].label", errors);
        }
        return errors;
    }

    private static void CheckLocalized(Localized text, string at, List<string> errors)
    {
        foreach (var language in new[] { Localized.Chinese, Localized.English })
        {
            if (!text.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value)) errors.Add($"{at}: the {language} text is missing");
        }
    }
}

public sealed class InvalidDialogDefinitionException(string path, IReadOnlyList<string> errors)
    : Exception($"The dialog definition {path} is invalid: " + string.Join("; ", errors) + ".")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
