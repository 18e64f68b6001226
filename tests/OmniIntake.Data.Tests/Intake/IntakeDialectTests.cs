using System.Text.Json.Nodes;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Intake;

/// <summary>
/// The fragments the intake writer asks its dialect for (issue 13 item 6) mean the same on both databases: the
/// sequential writer (SQLite) and the chained one (PostgreSQL) must store the same case numbers and details.
/// </summary>
public sealed class IntakeDialectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ASerial_IsZeroPaddedToFiveDigits_AndNeverCut(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var d = h.Database.Dialect;

        Assert.Equal("00007", Assert.Single(await h.ListAsync<string>($"SELECT {d.ZeroPadded("7", 5)}")));
        Assert.Equal("1234567", Assert.Single(await h.ListAsync<string>($"SELECT {d.ZeroPadded("1234567", 5)}")));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheNextCaseSerial_CountsOnFromTheLastCase(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var opened = await h.Intake.AcceptAsync(h.Sms("+8613800138001", "停水了"), Ct);

        var next = Assert.Single(await h.ListAsync<long>(h.Database.Dialect.NextCaseSerial));

        Assert.EndsWith("-" + (next - 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), opened.CaseNumber, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task JsonWithKey_SetsTheKey_OverTheNullTheRecordLeft_AndKeepsTheRest(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var d = h.Database.Dialect;

        const string Detail = """'{"channel":"sms","preview":"水管","messageId":null}'""";
        var json = Assert.Single(await h.ListAsync<string>("SELECT " + d.JsonWithKey(Detail, "messageId", "42")));

        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal((42L, "sms", "水管", 3), (node["messageId"]!.GetValue<long>(), node["channel"]!.GetValue<string>(),
            node["preview"]!.GetValue<string>(), node.Count));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ATypedNull_IsNull(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        var d = h.Database.Dialect;

        Assert.Equal(1L, Assert.Single(await h.ListAsync<long>($"SELECT CASE WHEN {d.Typed("NULL", "bigint")} IS NULL THEN 1 ELSE 0 END")));
    }
}
