using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Contacts;

namespace OmniIntake.Server.Tests.Contacts;

/// <summary>Issue 15: the link search finds a contact by its handle, also one that has no case (not only through cases).</summary>
public sealed class ContactFinderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AContactWithNoCase_IsFoundByItsHandle_AndCanBeLinked_APhoneInAnyFormat(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var caller = await agent.RegisterAsync(new { channel = "phone", text = "电梯坏了", phone = "13812340011", complainantName = "钱先生" });
        // A chat identity known to the hub without any case of its own.
        var database = host.Services.GetRequiredService<Database>();
        long lonely;
        await using (var connection = await database.OpenAsync(Ct))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO contacts (name, created_at) VALUES (NULL, " + (provider == DatabaseProvider.Postgres ? "now()" : "'2026-12-01T00:00:00.0000000Z'") + ") RETURNING id";
            lonely = Convert.ToInt64(await insert.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
            await using var handle = connection.CreateCommand();
            handle.CommandText = $"INSERT INTO contact_handles (kind, value, contact_id) VALUES ('chat', 'wx-qian', {lonely})";
            await handle.ExecuteNonQueryAsync(Ct);
        }

        var byPhone = (await agent.GetFromJsonAsync<List<ContactHit>>("/api/contacts?q=" + Uri.EscapeDataString("+86 138 1234 0011"), Ct))!;
        var found = Assert.Single(byPhone);
        Assert.Equal("钱先生", found.Name);
        Assert.Equal(1, found.Cases);
        Assert.Equal(["+8613812340011"], found.Handles.Select(h => h.Value));

        var byIdentity = Assert.Single((await agent.GetFromJsonAsync<List<ContactHit>>("/api/contacts?q=wx-qian", Ct))!);
        Assert.Equal(lonely, byIdentity.ContactId);
        Assert.Equal(0, byIdentity.Cases);
        Assert.Empty((await agent.GetFromJsonAsync<List<ContactHit>>("/api/contacts?q=wx-nobody", Ct))!);

        // Found, it is linked like any other contact.
        var customer = await agent.GetFromJsonAsync<JsonElement>($"/api/cases/{caller.CaseId}/customer", Ct);
        var link = await agent.PostAsJsonAsync($"/api/contacts/{customer.GetProperty("contactId").GetInt64()}/links",
            new { otherContactId = lonely, reason = "微信号与来电人一致" }, Ct);
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);

        var tooShort = await agent.GetAsync("/api/contacts?q=x", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("contacts.query-length", (await tooShort.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        using var owner = await host.ClientAsync(Roles.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/contacts?q=wx-qian", Ct)).StatusCode);
    }
}
