using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Contacts;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Contacts;

namespace OmniIntake.Server.Tests.Contacts;

/// <summary>The customer panel, linking contacts as one person, and the returning customer (issue 15 item 2).</summary>
public sealed class CustomerPanelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AReturningCaller_IsKnown_TheirNameCarriedOver_AndTheNewComplaintFlaggedAsARepeat(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var first = await agent.RegisterAsync(new { channel = "phone", text = "停车费收错了", phone = "13812340001", complainantName = "赵女士" });
        (await agent.PostAsJsonAsync($"/api/cases/{first.CaseId}/resolve", new ResolveRequest("已退款"), Ct)).EnsureSuccessStatusCode();
        // She calls again; the agent does not ask her name this time.
        var again = await agent.RegisterAsync(new { channel = "phone", text = "又收错了", phone = "138 1234 0001" });

        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{again.CaseId}", Ct))!;
        Assert.Equal("赵女士", detail.Fields.ComplainantName);
        var panel = (await agent.GetFromJsonAsync<CustomerProfile>($"/api/cases/{again.CaseId}/customer", Ct))!;
        Assert.Equal("赵女士", panel.Name);
        Assert.Equal([again.Number, first.Number], panel.Cases.Select(c => c.Number));
        Assert.Equal((true, false), (panel.Cases[0].Repeat, panel.Cases[1].Repeat));
        Assert.Equal((true, false), (panel.Cases[0].Current, panel.Cases[1].Current));
        Assert.Equal("resolved", panel.Cases[1].Status);
        Assert.NotNull(panel.Cases[1].ResolvedAt);
        Assert.True(panel.RepeatComplainant);
        Assert.Equal(1, panel.OpenCases);
        Assert.Equal("+8613812340001", Assert.Single(panel.Handles).Value);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TwoContacts_LinkedByAnAgent_AreOnePerson_UntilUnlinked_AndBothStepsAreAudited(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        var byPhone = await agent.RegisterAsync(new { channel = "phone", text = "电梯坏了", phone = "13812340002", complainantName = "钱先生" });
        var byLetter = await agent.RegisterAsync(new { channel = "letter", text = "电梯还是坏的", email = "qian@example.test" });
        var stranger = await agent.RegisterAsync("别人的事", phone: "13812340003");
        var phoneContact = (await agent.GetFromJsonAsync<CustomerProfile>($"/api/cases/{byPhone.CaseId}/customer", Ct))!.ContactId;
        var letterPanel = (await agent.GetFromJsonAsync<CustomerProfile>($"/api/cases/{byLetter.CaseId}/customer", Ct))!;
        Assert.Equal([byLetter.Number], letterPanel.Cases.Select(c => c.Number));

        var linked = await agent.PostAsJsonAsync($"/api/contacts/{letterPanel.ContactId}/links", new LinkContactsRequest(phoneContact, "来信署名与来电一致"), Ct);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var link = (await linked.Content.ReadFromJsonAsync<ContactLinked>(Ct))!;

        var person = (await agent.GetFromJsonAsync<CustomerProfile>($"/api/cases/{byLetter.CaseId}/customer", Ct))!;
        Assert.Equal([byLetter.Number, byPhone.Number], person.Cases.Select(c => c.Number));
        Assert.DoesNotContain(person.Cases, c => c.Number == stranger.Number);
        Assert.Equal(["email:qian@example.test", "phone:+8613812340002"], person.Handles.Select(h => $"{h.Kind}:{h.Value}"));
        Assert.Equal("钱先生", person.Name); // the letter gave no name; the linked caller's is used
        var audited = Assert.Single(person.Links);
        Assert.Equal(("only-agent", "来信署名与来电一致", (string?)null), (audited.LinkedBy, audited.Reason, audited.UnlinkedBy));

        // Linking them again, to itself, without a reason, or to nobody is refused with a stable code.
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/contacts/{phoneContact}/links", new LinkContactsRequest(letterPanel.ContactId, "again"), Ct),
            HttpStatusCode.Conflict, "contacts.already-linked");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/contacts/{phoneContact}/links", new LinkContactsRequest(phoneContact, "self"), Ct),
            HttpStatusCode.BadRequest, "contacts.link-self");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/contacts/{phoneContact}/links", new LinkContactsRequest(999_999, "x"), Ct),
            HttpStatusCode.NotFound, "contacts.not-found");
        await AssertProblemAsync(await agent.PostAsJsonAsync($"/api/contacts/{phoneContact}/links", new LinkContactsRequest(letterPanel.ContactId, " "), Ct),
            HttpStatusCode.BadRequest, "contacts.link-reason");

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/contacts/links/{link.LinkId}", Ct)).StatusCode);
        await AssertProblemAsync(await supervisor.DeleteAsync($"/api/contacts/links/{link.LinkId}", Ct), HttpStatusCode.Conflict, "contacts.link-undone");
        var apart = (await agent.GetFromJsonAsync<CustomerProfile>($"/api/contacts/{letterPanel.ContactId}", Ct))!;
        Assert.Equal([byLetter.Number], apart.Cases.Select(c => c.Number));
        var undone = Assert.Single(apart.Links);
        Assert.Equal("only-supervisor", undone.UnlinkedBy);
        Assert.NotNull(undone.UnlinkedAt);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ThePanel_IsForAgents_AndAnUnknownCaseOrContactIsNotFound(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var owner = await host.ClientAsync(Roles.Owner);
        var opened = await agent.RegisterAsync("噪音", phone: "13812340004");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/cases/{opened.CaseId}/customer", Ct)).StatusCode);
        await AssertProblemAsync(await agent.GetAsync("/api/cases/999999/customer", Ct), HttpStatusCode.NotFound, "cases.not-found");
        await AssertProblemAsync(await agent.GetAsync("/api/contacts/999999", Ct), HttpStatusCode.NotFound, "contacts.not-found");
        await AssertProblemAsync(await agent.DeleteAsync("/api/contacts/links/999999", Ct), HttpStatusCode.NotFound, "contacts.link-not-found");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }
}
