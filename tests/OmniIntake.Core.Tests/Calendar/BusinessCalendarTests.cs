using OmniIntake.Core.Calendar;

namespace OmniIntake.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaDefault();

    private static readonly BusinessCalendar WithLunch = new(China.Zone,
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(13, 0), new TimeOnly(18, 0))],
        ChinaHolidays.Days);

    /// <summary>A Shanghai wall-clock time.</summary>
    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-24T08:59:59", false)] // Tuesday, before work
    [InlineData("2026-11-24T09:00:00", true)]
    [InlineData("2026-11-24T17:59:59", true)]
    [InlineData("2026-11-24T18:00:00", false)] // the close of work
    [InlineData("2026-11-28T10:00:00", false)] // Saturday
    [InlineData("2026-10-01T10:00:00", false)] // National Day, a Thursday
    [InlineData("2026-09-20T10:00:00", true)]  // Sunday made a working day (调休)
    [InlineData("2026-10-10T10:00:00", true)]  // Saturday made a working day
    [InlineData("2026-12-31T17:59:00", true)]  // the year's last working minute
    public void WorkingTime_FollowsHoursWeekendsHolidaysAndMakeUpDays(string local, bool working) =>
        Assert.Equal(working, China.IsWorkingTime(At(local)));

    [Fact]
    public void LunchBreak_IsNotWorkingTime()
    {
        Assert.True(WithLunch.IsWorkingTime(At("2026-11-24T11:59:59")));
        Assert.False(WithLunch.IsWorkingTime(At("2026-11-24T12:00:00")));
        Assert.False(WithLunch.IsWorkingTime(At("2026-11-24T12:59:59")));
        Assert.True(WithLunch.IsWorkingTime(At("2026-11-24T13:00:00")));
    }

    [Theory]
    [InlineData("2026-11-24T07:30:00", "2026-11-24T09:00:00")] // before work: today
    [InlineData("2026-11-24T09:00:00", "2026-11-24T09:00:00")] // exactly at the start
    [InlineData("2026-11-27T19:00:00", "2026-11-30T09:00:00")] // Friday evening: Monday
    [InlineData("2026-09-30T19:00:00", "2026-10-08T09:00:00")] // before the National Day week
    [InlineData("2026-10-09T23:00:00", "2026-10-10T09:00:00")] // into a make-up Saturday
    [InlineData("2026-12-31T23:59:59", "2027-01-01T09:00:00")] // across the year's end (no 2027 notice yet: weekday rule)
    public void NextStartOfWork_SkipsNightsWeekendsAndHolidays(string local, string expected) =>
        Assert.Equal(At(expected), China.NextStartOfWork(At(local)));

    [Fact]
    public void NextStartOfWork_AfterLunch_IsTheAfternoonStart() =>
        Assert.Equal(At("2026-11-24T13:00:00"), WithLunch.NextStartOfWork(At("2026-11-24T12:10:00")));

    [Theory]
    [InlineData("2026-11-24T00:00:00")]
    [InlineData("2026-11-24T23:59:59")]
    public void EndOfDay_IsTheLastSecondOfTheLocalDay(string local) =>
        Assert.Equal(At("2026-11-24T23:59:59"), China.EndOfDay(At(local)));

    [Fact]
    public void EndOfDay_UsesTheOrganisationsZone_NotUtc() =>
        // 17:00 UTC on the 24th is already the 25th in Shanghai.
        Assert.Equal(At("2026-11-25T23:59:59"), China.EndOfDay(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2026-11-24T10:00:00", 4, "2026-11-24T14:00:00")]
    [InlineData("2026-11-24T16:00:00", 4, "2026-11-25T11:00:00")] // over the night
    [InlineData("2026-11-27T16:00:00", 4, "2026-11-30T11:00:00")] // over the weekend
    [InlineData("2026-11-24T20:00:00", 4, "2026-11-25T13:00:00")] // starting outside working hours
    [InlineData("2026-09-30T17:00:00", 4, "2026-10-08T12:00:00")] // over the National Day week
    [InlineData("2026-11-24T14:00:00", 4, "2026-11-24T18:00:00")] // ends exactly at the close
    public void AddWorkingDuration_CountsOnlyWorkingTime(string local, int hours, string expected) =>
        Assert.Equal(At(expected), China.AddWorkingDuration(At(local), TimeSpan.FromHours(hours)));

    [Fact]
    public void AddWorkingDuration_SkipsLunch() =>
        Assert.Equal(At("2026-11-24T15:00:00"), WithLunch.AddWorkingDuration(At("2026-11-24T11:00:00"), TimeSpan.FromHours(3)));

    [Fact]
    public void AddWorkingDuration_AgreesWithAMinuteByMinuteReference()
    {
        var random = new Random(20261124);
        var origin = At("2025-12-20T00:00:00");
        foreach (var calendar in new[] { China, WithLunch })
        {
            for (var i = 0; i < 150; i++)
            {
                var start = origin.AddMinutes(random.Next(0, 60 * 24 * 60)); // within ~two months, holidays included
                var minutes = random.Next(1, 60 * 20);
                Assert.Equal(Reference(calendar, start, minutes), calendar.AddWorkingDuration(start, TimeSpan.FromMinutes(minutes)));
            }
        }
    }

    /// <summary>Walk minute by minute, counting the minutes that start in working time.</summary>
    private static DateTimeOffset Reference(BusinessCalendar calendar, DateTimeOffset start, int minutes)
    {
        var t = start;
        while (minutes > 0)
        {
            if (calendar.IsWorkingTime(t)) minutes--;
            t = t.AddMinutes(1);
        }
        return t;
    }

    [Fact]
    public void ShippedHolidayData_CoversEveryYearSince2007()
    {
        // (The 2007 notice also names make-up days at the end of 2006.)
        Assert.All(Enumerable.Range(2007, 20), year => Assert.Contains(year, ChinaHolidays.Years));
        Assert.False(ChinaHolidays.Days[new DateOnly(2026, 10, 1)]);
        Assert.True(ChinaHolidays.Days[new DateOnly(2026, 9, 20)]);
    }

    [Fact]
    public void OverlappingPeriods_AreRefusedWithAClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BusinessCalendar(China.Zone, [DayOfWeek.Monday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(13, 0)), new WorkingPeriod(new TimeOnly(12, 0), new TimeOnly(18, 0))],
            new Dictionary<DateOnly, bool>()));
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27T16:00:00", "2026-11-30T11:00:00", 240)] // Friday 16:00 to Monday 11:00: two hours each side of the weekend
    [InlineData("2026-11-24T11:00:00", "2026-11-24T14:00:00", 120)]  // over lunch, with a lunch break
    [InlineData("2026-09-30T17:00:00", "2026-10-08T10:00:00", 120)]  // over National Day: 1 hour before, 1 hour after
    [InlineData("2026-11-24T14:00:00", "2026-11-24T11:00:00", 0)]    // the end before the start
    public void WorkingDurationBetween_CountsOnlyWorkingTime(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), WithLunch.WorkingDurationBetween(At(from), At(to)));

    [Fact]
    public void WorkingDurationBetween_UndoesAddWorkingDuration()
    {
        var start = At("2026-11-27T16:30:00");
        foreach (var hours in new[] { 0.5, 4, 9, 30 })
            Assert.Equal(TimeSpan.FromHours(hours), WithLunch.WorkingDurationBetween(start, WithLunch.AddWorkingDuration(start, TimeSpan.FromHours(hours))));
    }
}
