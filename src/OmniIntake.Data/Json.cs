using System.Text.Encodings.Web;
using System.Text.Json;

namespace OmniIntake.Data;

internal static class Json
{
    /// <summary>camelCase, and Chinese kept readable in the stored JSON rather than \u-escaped.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
