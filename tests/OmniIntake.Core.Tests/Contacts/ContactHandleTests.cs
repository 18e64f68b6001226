using OmniIntake.Core.Contacts;

namespace OmniIntake.Core.Tests.Contacts;

public sealed class ContactHandleTests
{
    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("+86 138-0013-8000", "+8613800138000")]
    [InlineData("0086 13800138000", "+8613800138000")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    public void Phones_AreNormalisedToE164(string given, string expected) =>
        Assert.Equal(expected, ContactHandle.Create(ContactHandleKind.Phone, given).Value);

    [Theory]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("")]
    public void InvalidPhones_AreRefusedWithAClearError(string given)
    {
        Assert.False(ContactHandle.TryCreate(ContactHandleKind.Phone, given, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Emails_AreLowerCased_AndDisplayNamesDropped()
    {
        Assert.Equal("li.lei@example.test", ContactHandle.Create(ContactHandleKind.Email, " Li.Lei@Example.TEST ").Value);
        Assert.Equal("li.lei@example.test", ContactHandle.Create(ContactHandleKind.Email, "李雷 <li.lei@example.test>").Value);
        Assert.False(ContactHandle.TryCreate(ContactHandleKind.Email, "no-at-sign", out _, out _));
    }
}
