using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Tests.Intake;

public sealed class IntakeOptionsTests
{
    [Fact]
    public void Zone_IsTheConfiguredOne_AndFollowsAChangedSetting()
    {
        // The zone is looked up once (issue 17), but a changed setting (options reloaded) is not answered with the old one.
        var options = new IntakeOptions();
        var shanghai = options.Zone;
        Assert.Equal(TimeSpan.FromHours(8), shanghai.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Same(shanghai, options.Zone);

        options.TimeZone = "Europe/London";

        Assert.Equal(TimeSpan.FromHours(1), options.Zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
