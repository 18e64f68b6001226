using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Conversations;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Conversations;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Engine;
using OmniIntake.Dialogs.Running;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Dialogs;

/// <summary>Bound from configuration section "Dialogs".</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>The complaint-intake definition; the shipped dialogs/definitions/complaint-intake.json when unset.</summary>
    public string? DefinitionPath { get; set; }
}

public static class DialogSetup
{
    /// <summary>Loads and checks the dialog definition (a bad file stops the start with every problem named).</summary>
    public static void AddDialogs(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DialogOptions.Section).Get<DialogOptions>() ?? new DialogOptions();
        var path = options.DefinitionPath ?? Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json");
        var definition = DefinitionLoader.LoadFile(path);
        var services = builder.Services;
        services.AddSingleton(definition);
        services.AddSingleton(sp => new DialogEngine(definition, sp.GetRequiredService<IntakeOptions>().Zone));
        // Issue 17 item 4: the dialogs in progress kept in memory, bounded (idle ones evicted).
        var memory = builder.Configuration.GetSection(Data.Conversations.Memory.ConversationMemoryOptions.Section)
            .Get<Data.Conversations.Memory.ConversationMemoryOptions>() ?? new Data.Conversations.Memory.ConversationMemoryOptions();
        services.AddSingleton(sp => new Data.Conversations.Memory.ConversationMemory(sp.GetRequiredService<TimeProvider>(), memory));
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<ICaseFieldsWriter>(sp => sp.GetRequiredService<Data.Cases.CaseCommands>());
        services.AddSingleton(sp => new Core.Promises.ForwardingPromise(sp.GetRequiredService<Core.Policy.IDeadlinePolicy>(),
            sp.GetRequiredService<IntakeOptions>().Zone)); // issue 16 item 3: when a person takes the complaint
        services.AddSingleton<DialogRunner>();
        services.AddSingleton<IDialogService>(sp => sp.GetRequiredService<DialogRunner>());
        services.AddSingleton<DialogExpiryJob>();
        services.AddRecurringJob<DialogExpiryJob>(DialogExpiryJob.RecurringId, "* * * * *", j => j.RunAsync(CancellationToken.None));
    }
}

/// <summary>
/// Every minute: dialogs abandoned past the definition's time-out are registered as they stand, marked incomplete. One
/// it cannot handle is set aside with the reason (GET /api/channels/dialogs/set-aside) and the others go on (issue 12 item 2).
/// </summary>
public sealed class DialogExpiryJob(DialogRunner runner, ILogger<DialogExpiryJob> logger)
{
    public const string RecurringId = "dialog-expiry";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await runner.ExpireIdleAsync(Customer, cancellationToken);
        if (expired > 0) logger.LogInformation("{Count} abandoned dialogs were registered as incomplete cases.", expired);
        return expired;
    }

    /// <summary>Chat conversations are their own contact; SMS and e-mail ones are named "phone:..." / "email:...".</summary>
    private static ContactHandle Customer(Conversation conversation) =>
        conversation.Channel == Core.Cases.Channel.Chat
            ? ContactHandle.Create(ContactHandleKind.Chat, conversation.Id)
            : ContactHandle.TryParseKind(conversation.Id.Split(':', 2)[0], out var kind)
                ? ContactHandle.Create(kind, conversation.Id.Split(':', 2)[1])
                : ContactHandle.Create(ContactHandleKind.Anonymous, conversation.Id);
}
