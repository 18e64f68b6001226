namespace OmniIntake.Dialogs.Definitions;

/// <summary>
/// A guided dialog as data (dialogs/definitions/*.json): the fields a case needs, which are required, their prompts
/// and retry prompts in zh-CN and en, and how each answer is read. An organisation edits the file, not the code.
/// </summary>
public sealed class DialogDefinition
{
    public string Id { get; set; } = "";
    public int Version { get; set; } = 1;

    /// <summary>An abandoned dialog is registered as it stands (marked incomplete) after this many minutes.</summary>
    public int TimeoutMinutes { get; set; } = 30;

    public Dictionary<string, Localized> Messages { get; set; } = [];
    public List<FieldDefinition> Fields { get; set; } = [];

    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public string Message(string key, string language) =>
        Messages.TryGetValue(key, out var text) ? text.In(language) : throw new InvalidOperationException($"Dialog {Id} has no message '{key}'.");
}

public sealed class FieldDefinition
{
    public string Name { get; set; } = "";
    public FieldKind Kind { get; set; }
    public bool Required { get; set; }

    /// <summary>
    /// False: the field is filled when a message carries it (an e-mail address in a chat message) but never asked for,
    /// and it is not missing without it. Only an optional field can be unasked.
    /// </summary>
    public bool Ask { get; set; } = true;

    public int MinLength { get; set; }

    /// <summary>Where the value goes on the case: text (the complaint itself) or a registration field.</summary>
    public string Target { get; set; } = "";

    /// <summary>A contact the channel already knows (the SMS sender's "phone", the mail's "email"): never asked.</summary>
    public string? FromChannel { get; set; }

    public Localized Label { get; set; } = new();
    public Localized Prompt { get; set; } = new();
    public Localized Retry { get; set; } = new();

    /// <summary>A shorter prompt for SMS (one segment); the prompt is used when absent.</summary>
    public Localized? Sms { get; set; }

    public List<ChoiceDefinition> Choices { get; set; } = [];
}

public sealed class ChoiceDefinition
{
    public string Value { get; set; } = "";

    /// <summary>How the choice is shown back in each language (an English customer never reads "物业管理").</summary>
    public Localized? Label { get; set; }

    public List<string> Synonyms { get; set; } = [];
}

public enum FieldKind
{
    Text,
    Name,
    Phone,
    Email,
    DateTime,
    Choice,
}

/// <summary>A text in the two languages the hub speaks.</summary>
public sealed class Localized : Dictionary<string, string>
{
    public const string Chinese = Core.Text.Languages.Chinese;
    public const string English = Core.Text.Languages.English;

    public string In(string language) =>
        TryGetValue(language, out var text) ? text : TryGetValue(Chinese, out var zh) ? zh : Values.FirstOrDefault() ?? "";
}
