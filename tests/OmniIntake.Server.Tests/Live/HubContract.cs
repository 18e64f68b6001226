using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// Describes what hubs push, from their typed client interfaces, in the terms the TypeScript side checks (issue 13
/// item 7): per hub path, each wire method (its [HubMethodName]) with its parameters, and each payload type with its
/// JSON properties as SignalR's JSON protocol writes them (camelCase). Types are said as TypeScript would: number,
/// string, boolean, a payload's name, T[] and "T | null".
/// </summary>
public static class HubContract
{
    public static JsonObject Describe(IEnumerable<(string Path, Type Client)> hubs)
    {
        var payloads = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var described = new JsonObject();
        foreach (var (path, client) in hubs.OrderBy(h => h.Path, StringComparer.Ordinal))
        {
            var methods = new JsonObject();
            foreach (var method in client.GetMethods().OrderBy(WireName, StringComparer.Ordinal))
            {
                // A trailing CancellationToken is the sender's, never on the wire (SignalR's typed client drops it).
                var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))
                    .Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["type"] = TypeName(p.ParameterType, Nullable(p), payloads) });
                methods[WireName(method)] = new JsonArray([.. parameters]);
            }
            described[path] = new JsonObject { ["client"] = client.Name, ["methods"] = methods };
        }
        // Describing a payload can find further payloads (a property of a record type).
        var types = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        while (payloads.Keys.FirstOrDefault(k => !types.ContainsKey(k)) is { } next)
        {
            var properties = new JsonObject();
            foreach (var property in payloads[next].GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null))
                properties[JsonName(property)] = TypeName(property.PropertyType, Nullable(property), payloads);
            types[next] = properties;
        }
        return new JsonObject { ["hubs"] = described, ["types"] = new JsonObject(types.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))) };
    }

    public static string WireName(MethodInfo method) => method.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? method.Name;

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool Nullable(ParameterInfo parameter) => Nullability.Create(parameter).ReadState == NullabilityState.Nullable;

    private static bool Nullable(PropertyInfo property) => Nullability.Create(property).ReadState == NullabilityState.Nullable;

    private static string TypeName(Type type, bool nullable, IDictionary<string, Type> payloads)
    {
        if (System.Nullable.GetUnderlyingType(type) is { } inner) return TypeName(inner, false, payloads) + " | null";
        var name = type switch
        {
            _ when type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(double) || type == typeof(decimal) => "number",
            _ when type.IsArray => ElementName(type.GetElementType()!, payloads),
            _ when type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                => ElementName(type.GetGenericArguments()[0], payloads),
            _ when type.IsClass && type.Namespace?.StartsWith("OmniIntake.", StringComparison.Ordinal) == true => Payload(type, payloads),
            _ => throw new NotSupportedException($"The hub contract cannot describe {type} for TypeScript: add it to HubContract."),
        };
        return nullable ? name + " | null" : name;
    }

    private static string ElementName(Type element, IDictionary<string, Type> payloads) => TypeName(element, false, payloads) + "[]";

    private static string Payload(Type type, IDictionary<string, Type> payloads)
    {
        if (payloads.TryGetValue(type.Name, out var known) && known != type)
            throw new NotSupportedException($"Two payload types are named {type.Name} ({known} and {type}): the contract names types by their short name.");
        payloads[type.Name] = type;
        return type.Name;
    }
}
