namespace OmniIntake.Core.Accounts;

/// <summary>The four roles of PRODUCT.md "Who uses it". A user may hold several.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Owner = "owner";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Owner, Supervisor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
