namespace OmniIntake.Data.Conversations;

/// <summary>One line of a guided dialog: the bot's question or the customer's answer.</summary>
public sealed class DialogLine
{
    public long Id { get; init; }

    /// <summary>"customer" or "bot" (Core.Conversations.MessageDirections).</summary>
    public string Speaker { get; init; } = "";
    public string Text { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// The guided dialog that registered a case, as it was said (issue 14: the agent sees the dialog's questions and
/// answers in the conversation). Only the dialog part: lines up to the bot's last reply; what the customer wrote after
/// it joined the case as messages, and agents' replies are the case's own messages.
/// </summary>
public sealed class DialogTranscripts(Database database)
{
    public async Task<IReadOnlyList<DialogLine>> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<DialogLine>(
            """
            SELECT m.id, m.direction AS speaker, m.text, m.created_at
            FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id
            WHERE c.case_id = @caseId AND m.direction IN ('customer', 'bot')
              AND m.id <= (SELECT MAX(b.id) FROM conversation_messages b WHERE b.conversation_id = c.id AND b.direction = 'bot')
            ORDER BY m.id
            LIMIT 500
            """, new { caseId }, null, cancellationToken);
    }
}
