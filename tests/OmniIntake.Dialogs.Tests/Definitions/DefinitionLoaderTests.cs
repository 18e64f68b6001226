using OmniIntake.Dialogs.Definitions;

namespace OmniIntake.Dialogs.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    [Fact]
    public void TheShippedDefinition_IsValid() =>
        Assert.Equal("complaint-intake", DefinitionLoader.LoadFile(Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json")).Id);

    [Fact]
    public void ABadDefinition_NamesEveryProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "id": "x", "messages": {},
              "fields": [ { "name": "a", "kind": "choice", "target": "nowhere", "label": { "en": "A" }, "prompt": { "zh-CN": "?", "en": "?" }, "retry": { "zh-CN": "?", "en": "?" } },
                          { "name": "a", "kind": "text", "target": "text", "label": { "zh-CN": "内容", "en": "Text" }, "prompt": { "zh-CN": "?", "en": "?" }, "retry": { "zh-CN": "?", "en": "?" } } ] }
            """);
        try
        {
            var error = Assert.Throws<InvalidDialogDefinitionException>(() => DefinitionLoader.LoadFile(path));

            Assert.Contains("messages.greeting is missing", error.Errors);
            Assert.Contains("fields: the name 'a' is used 2 times", error.Errors);
            Assert.Contains(error.Errors, e => e.Contains("target 'nowhere'", StringComparison.Ordinal));
            Assert.Contains(error.Errors, e => e.Contains(".label: the zh-CN text is missing", StringComparison.Ordinal));
            Assert.Contains(error.Errors, e => e.Contains("a choice field needs choices", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUnknownKind_IsAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "id": "x", "fields": [ { "name": "a", "kind": "colour" } ] }""");
        try
        {
            var error = Assert.Throws<InvalidDialogDefinitionException>(() => DefinitionLoader.LoadFile(path));
            Assert.Contains("not valid JSON for a dialog", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
