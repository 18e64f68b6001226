using OmniIntake.Channels.Email.Setup;
using OmniIntake.Channels.WebChat.Setup;
using OmniIntake.Server.Accounts;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Channels;
using OmniIntake.Server.Deadlines;
using OmniIntake.Server.Departments;
using OmniIntake.Server.Dialogs;
using OmniIntake.Server.Health;
using OmniIntake.Server.Infrastructure;
using OmniIntake.Server.Live;
using OmniIntake.Server.Outbox;
using OmniIntake.Server.Policy;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();
builder.AddDeadlinePolicy();
builder.AddAccounts();
builder.AddLivePush();
builder.AddDeadlines();
builder.AddOutbox();
builder.AddCaseApi();
builder.AddEmailChannel();
builder.AddDialogs();
builder.AddWebChat();
builder.Services.AddHealthChecks();

var app = builder.Build();
await app.PrepareDatabaseAsync();
await app.LoadCalendarAsync();
app.UseWebFoundation();
app.MapHealth();
app.MapAccountsApi();
app.MapCaseApi();
app.MapAttachmentsApi();
app.MapDepartmentsApi();
app.MapPolicyApi();
app.MapCalendarApi();
app.MapEmailChannel();
app.MapWebChat();
app.MapChannelsApi();
app.MapLivePush();
app.MapDeadlineJobs();
app.PrintWelcome();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
