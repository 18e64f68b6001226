using OmniIntake.Core.Search;

namespace OmniIntake.Core.Tests.Search;

/// <summary>What a search box query can mean (issue 15 item 1).</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData("+86 13812345678", "+8613812345678")]
    [InlineData("138-1234-5678", "+8613812345678")]
    [InlineData("(021) 6123 4567", "+862161234567")]
    [InlineData("021-61234567", "+862161234567")]
    public void APhoneInAnyFormat_IsNormalisedAsTheIntakeStoresIt_AndNotSearchedAsText(string typed, string e164)
    {
        Assert.True(SearchTerms.TryParse(typed, out var terms, out _));
        Assert.Equal((e164, false), (terms.Phone, terms.MatchesText));
    }

    [Fact]
    public void ACaseNumber_InFullOrInPart_IsANumberQuery()
    {
        Assert.True(SearchTerms.TryParse("ts-20261201-00042", out var full, out _));
        Assert.Equal(("TS-20261201-00042", "TS-20261201-00042"), (full.ExactNumber, full.NumberFragment));
        Assert.True(SearchTerms.TryParse("42", out var serial, out _));
        Assert.Equal(("42", "-00042", null), (serial.NumberFragment, serial.SerialSuffix, serial.ExactNumber));
        Assert.True(SearchTerms.TryParse("20261201-00042", out var part, out _));
        Assert.Equal(("20261201-00042", null), (part.NumberFragment, part.SerialSuffix));
    }

    [Fact]
    public void WordsAndAddresses_AreSearchedAsText()
    {
        Assert.True(SearchTerms.TryParse(" 停车 ", out var chinese, out _));
        Assert.Equal(("停车", true, null, null), (chinese.Text, chinese.MatchesText, chinese.NumberFragment, chinese.Phone));
        Assert.True(SearchTerms.TryParse("Li.Hongmei@Example.test", out var email, out _));
        Assert.Equal(("li.hongmei@example.test", true), (email.Email, email.MatchesText));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" a ")]
    [InlineData("")]
    public void AQueryTooShort_IsAnError(string? query)
    {
        Assert.False(SearchTerms.TryParse(query, out _, out var error));
        Assert.Contains("2-200", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryTooLong_IsAnError() => Assert.False(SearchTerms.TryParse(new string('字', 201), out _, out _));
}
