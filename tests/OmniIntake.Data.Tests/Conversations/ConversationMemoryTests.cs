using Microsoft.Extensions.Time.Testing;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Conversations;
using OmniIntake.Data.Conversations.Memory;

namespace OmniIntake.Data.Tests.Conversations;

/// <summary>The memory of dialogs in progress stays bounded and never goes back to an older version (issue 17 item 4).</summary>
public sealed class ConversationMemoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private static Conversation Dialog(string id, int version = 0, string status = ConversationStatus.Dialog) =>
        new(id, Channel.Chat, null, "zh-CN", "{}", status, null, null, Start, Start, version);

    [Fact]
    public void IdleDialogsAreDropped_AndTheOnesInUseStay()
    {
        var clock = new FakeTimeProvider(Start);
        var memory = new ConversationMemory(clock, new ConversationMemoryOptions { IdleAfter = TimeSpan.FromMinutes(10) });
        memory.Remember(Dialog("idle"));
        memory.Remember(Dialog("busy"));

        for (var minute = 0; minute < 12; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.NotNull(memory.Find("busy"));
        }
        memory.Remember(Dialog("new"));

        Assert.Null(memory.Find("idle"));
        Assert.NotNull(memory.Find("busy"));
        Assert.Equal(2, memory.Count);
    }

    [Fact]
    public void OverCapacity_TheLongestIdleGoFirst()
    {
        var clock = new FakeTimeProvider(Start);
        var memory = new ConversationMemory(clock, new ConversationMemoryOptions { Capacity = 3 });
        foreach (var id in new[] { "a", "b", "c" })
        {
            memory.Remember(Dialog(id));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.NotNull(memory.Find("a")); // "b" is now the longest idle

        memory.Remember(Dialog("d"));

        Assert.Equal(3, memory.Count);
        Assert.Null(memory.Find("b"));
        Assert.All(new[] { "a", "c", "d" }, id => Assert.NotNull(memory.Find(id)));
    }

    [Fact]
    public void AnOlderVersionNeverReplacesANewerOne_AndAFinishedDialogIsNotKept()
    {
        var memory = new ConversationMemory(new FakeTimeProvider(Start));
        memory.Remember(Dialog("x", version: 3));
        memory.Remember(Dialog("x", version: 2));
        Assert.Equal(3, memory.Find("x")!.Version);

        memory.Remember(Dialog("x", version: 4, status: ConversationStatus.Registered));

        Assert.Null(memory.Find("x"));
        Assert.Equal(0, memory.Count);
    }
}
