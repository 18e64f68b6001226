using MimeKit;
using MimeKit.Utils;

namespace OmniIntake.Channels.Email.Imap;

/// <summary>What decides a mail's lane, from its headers alone: who sent it, its Message-ID and the mails it answers.</summary>
public sealed record MailLaneHeaders(string Sender, string? MessageId, IReadOnlyList<string> Answers)
{
    /// <summary>Unreadable headers (or only headers kept): all such mail shares one lane.</summary>
    public static readonly MailLaneHeaders None = new("", null, []);

    public static MailLaneHeaders Read(byte[] bytes)
    {
        try
        {
            var headers = HeaderList.Load(new MemoryStream(bytes, writable: false));
            var from = headers[HeaderId.From];
            var sender = from is null ? "" : InternetAddressList.TryParse(from, out var list) && list.Mailboxes.FirstOrDefault() is { } box
                ? box.Address.ToLowerInvariant()
                : from;
            var answers = new List<string>();
            foreach (var name in new[] { HeaderId.InReplyTo, HeaderId.References })
                if (headers[name] is { } value)
                    answers.AddRange(MimeUtils.EnumerateReferences(value));
            var id = headers[HeaderId.MessageId] is { } raw ? MimeUtils.EnumerateReferences(raw).FirstOrDefault() : null;
            return new MailLaneHeaders(sender, id, answers);
        }
        catch (FormatException)
        {
            return None; // the ingestor keeps it as failed
        }
    }
}

/// <summary>
/// Issue 17 item 2: a fetched batch split into lanes that may go in at once. Mail of one sender, and a reply with the
/// mail it answers (In-Reply-To/References naming a Message-ID of the same batch, whoever sent it), share a lane, taken
/// in UID order, so a reply always finds the case its original opened; different lanes share nothing a threading rule
/// reads, so their order does not matter.
/// </summary>
public static class MailLanes
{
    /// <param name="mails">The batch in UID order.</param>
    /// <returns>Each lane's indexes into <paramref name="mails"/>, ascending.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> Of(IReadOnlyList<MailLaneHeaders> mails)
    {
        var parent = Enumerable.Range(0, mails.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Join(int a, int b) => parent[Find(a)] = Find(b);

        var bySender = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mails.Count; i++)
        {
            if (bySender.TryGetValue(mails[i].Sender, out var same)) Join(i, same);
            else bySender[mails[i].Sender] = i;
            if (mails[i].MessageId is { } id) byId.TryAdd(id, i);
        }
        for (var i = 0; i < mails.Count; i++)
            foreach (var answered in mails[i].Answers)
                if (byId.TryGetValue(answered, out var original))
                    Join(i, original);
        return [.. Enumerable.Range(0, mails.Count).GroupBy(Find).Select(g => (IReadOnlyList<int>)g.Order().ToList())];
    }
}
