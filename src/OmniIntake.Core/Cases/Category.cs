namespace OmniIntake.Core.Cases;

/// <summary>A complaint category. Sets are configurable per organisation (PRODUCT.md "The case").</summary>
public sealed record Category(string Code, string NameZh, string NameEn);

public static class DefaultCategories
{
    /// <summary>The property developer's default set (policy 3.3).</summary>
    public static IReadOnlyList<Category> PropertyDeveloper { get; } =
    [
        new("engineering-quality", "工程质量", "Engineering quality"),
        new("planning-design", "规划设计", "Planning and design"),
        new("sales-management", "销售管理", "Sales management"),
        new("property-management", "物业管理", "Property management"),
        new("customer-service", "客户服务", "Customer service"),
        new("other", "其他", "Other"),
    ];
}
