namespace OmniIntake.Core.Cases;

/// <summary>PRODUCT.md "Classification and notification (5.5)", in ascending severity.</summary>
public enum CaseClass
{
    General = 0,
    Important = 1,
    Hot = 2,
    Major = 3,
}

public static class CaseClassNames
{
    public static string ToName(this CaseClass value) => value.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out CaseClass value) =>
        Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value)
        && !int.TryParse(name, out _);
}
