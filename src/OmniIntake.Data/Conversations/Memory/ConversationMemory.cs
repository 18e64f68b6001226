using System.Collections.Concurrent;
using OmniIntake.Core.Conversations;

namespace OmniIntake.Data.Conversations.Memory;

/// <summary>Bound from configuration section "Dialogs:Memory".</summary>
public sealed class ConversationMemoryOptions
{
    public const string Section = "Dialogs:Memory";

    /// <summary>A dialog untouched this long is dropped (its next turn reads it once); a chat turn comes every few seconds.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many dialogs are kept (~2 KB each); beyond it the longest idle go first.</summary>
    public int Capacity { get; set; } = 20_000;
}

/// <summary>
/// The dialogs in progress as this node last committed or read them (issue 17 item 4): a chat turn starts from here
/// instead of reading the conversation, and its one write carries the version it started from, so a stale entry
/// (another node or the expiry job wrote since) loses the version check, is dropped, and the turn reads afresh.
/// Filled only after a write committed (<see cref="Units.WriteScope.AfterCommit"/>), never by a write that may still roll
/// back. Bounded: idle entries are evicted, and the entries are immutable records.
/// </summary>
public sealed class ConversationMemory(TimeProvider clock, ConversationMemoryOptions? options = null)
{
    private readonly ConversationMemoryOptions _options = options ?? new ConversationMemoryOptions();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sweeping = new();
    private long _lastSweep = clock.GetTimestamp();

    public int Count => _entries.Count;

    public Conversation? Find(string id)
    {
        if (!_entries.TryGetValue(id, out var entry)) return null;
        entry.Touch(clock.GetTimestamp());
        return entry.Conversation;
    }

    /// <summary>
    /// Keeps a committed conversation. Only dialogs in progress are kept (a finished one takes the stored path), and an
    /// older version never replaces a newer one (two commits' after-commit actions may run in either order).
    /// </summary>
    public void Remember(Conversation conversation)
    {
        if (conversation.Status != ConversationStatus.Dialog || conversation.DialogState is null)
        {
            Forget(conversation.Id);
            return;
        }
        var now = clock.GetTimestamp();
        _entries.AddOrUpdate(conversation.Id, static (_, a) => new Entry(a.conversation, a.now),
            static (_, old, a) => old.Conversation.Version > a.conversation.Version ? old : new Entry(a.conversation, a.now), (conversation, now));
        SweepIfDue(now);
    }

    public void Forget(string id) => _entries.TryRemove(id, out _);

    /// <summary>Drops idle entries now and then, and the longest idle when over capacity (the budget: RSS ≤ 300 MiB at 1,000 dialogs).</summary>
    private void SweepIfDue(long now)
    {
        var over = _entries.Count > _options.Capacity;
        if (!over && clock.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) < _options.IdleAfter / 4) return;
        if (!_sweeping.TryEnter()) return;
        try
        {
            Interlocked.Exchange(ref _lastSweep, now);
            foreach (var (id, entry) in _entries)
                if (clock.GetElapsedTime(entry.LastTouched, now) >= _options.IdleAfter) _entries.TryRemove(id, out _);
            var excess = _entries.Count - _options.Capacity;
            if (excess <= 0) return;
            foreach (var (id, _) in _entries.OrderBy(e => e.Value.LastTouched).Take(excess).ToList()) _entries.TryRemove(id, out _);
        }
        finally
        {
            _sweeping.Exit();
        }
    }

    private sealed class Entry(Conversation conversation, long touched)
    {
        private long _touched = touched;

        public Conversation Conversation { get; } = conversation;

        public long LastTouched => Interlocked.Read(ref _touched);

        public void Touch(long now) => Interlocked.Exchange(ref _touched, now);
    }
}
