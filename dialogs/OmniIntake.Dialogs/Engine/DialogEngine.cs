using OmniIntake.Core.Conversations;
using System.Text.RegularExpressions;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Extraction;

namespace OmniIntake.Dialogs.Engine;

/// <summary>
/// Runs one dialog definition as a form (after Rasa's forms): ask only for what is missing, take every value a
/// message carries, confirm with a summary, take corrections, cancel, hand off to a person at any moment. Pure: state
/// in, state and replies out; the runner stores the state and registers the case. The same definition runs on chat
/// (one question per turn), SMS (one short question) and e-mail (every missing field in one message).
/// </summary>
public sealed partial class DialogEngine(DialogDefinition definition, TimeZoneInfo zone)
{
    public DialogDefinition Definition => definition;

    /// <param name="known">What the channel already knows: "phone" (E.164) and/or "email".</param>
    /// <param name="firstText">The customer's first message when it came before any greeting (SMS, e-mail).</param>
    public DialogTurn Start(string language, DialogStyle style, IReadOnlyDictionary<string, string> known, DateTimeOffset now, string? firstText = null)
    {
        var state = new DialogState
        {
            DefinitionId = definition.Id, DefinitionVersion = definition.Version, Language = Core.Text.Languages.FromTag(language), Style = style,
            StartedAt = now, UpdatedAt = now,
        };
        foreach (var field in definition.Fields)
        {
            if (field.FromChannel is { } source && known.TryGetValue(source, out var value))
            {
                state.Values[field.Name] = value;
                state.Shown[field.Name] = value;
                state.FromChannel.Add(field.Name);
            }
        }
        state.Asking = definition.Fields.First(f => f.Target == "text").Name;
        if (firstText is not null) return Handle(state, firstText, now);
        return new DialogTurn(state, [definition.Message("greeting", state.Language)], DialogAction.None);
    }

    public DialogTurn Handle(DialogState state, string text, DateTimeOffset now)
    {
        if (state.IsOver) return new DialogTurn(state, [], DialogAction.None);
        state.UpdatedAt = now;
        if (state.DefinitionVersion != definition.Version) Upgrade(state);
        var language = state.Language;
        if (Intents.IsHandOff(text))
        {
            state.Phase = DialogPhase.HandedOff;
            state.Incomplete = Missing(state).Count > 0;
            return new DialogTurn(state, [definition.Message("handoff", language)], DialogAction.HandOff);
        }
        if (Intents.IsCancel(text))
        {
            state.Phase = DialogPhase.Cancelled;
            return new DialogTurn(state, [definition.Message("cancelled", language)], DialogAction.Cancel);
        }
        switch (state.Phase)
        {
            case DialogPhase.Confirming:
                if (Intents.IsYes(text))
                {
                    state.Phase = DialogPhase.Registered;
                    return new DialogTurn(state, [definition.Message("registered", language)], DialogAction.Register);
                }
                if (Intents.IsNo(text) || Intents.IsCorrection(text)) return Correct(state, text, now);
                // A new value typed at the summary ("13900139000") replaces the old one.
                Absorb(state, text, now, unaskedOnly: true, overwrite: true);
                return Confirm(state);
            case DialogPhase.ChoosingCorrection:
                return Correct(state, text, now);
            default:
                // "名字写错了，我叫陈建国" while answering: the new value replaces the old one.
                if (Intents.IsCorrection(text) && Intents.NamedField(definition, text) is { } named && state.Values.ContainsKey(named)
                    && CorrectedValue(definition.Field(named)!, text, now) is { } corrected)
                {
                    Set(state, definition.Field(named)!, corrected);
                    state.FromChannel.Remove(named);
                    return Next(state, retry: false);
                }
                var known = state.Values.Count + state.Skipped.Count;
                var retry = !Absorb(state, text, now, unaskedOnly: false, overwrite: false);
                // A mail that answers none of the questions gets no second copy of them: an agent reads it.
                if (state.Style == DialogStyle.Email && state.Values.Count + state.Skipped.Count == known) return new DialogTurn(state, [], DialogAction.None);
                return Next(state, retry);
        }
    }

    /// <summary>The dialog was abandoned: it registers what it has, marked incomplete when fields are missing.</summary>
    public DialogTurn Expire(DialogState state, DateTimeOffset now)
    {
        state.UpdatedAt = now;
        // Not confirmed by the customer: even with every field filled, an agent should check it.
        state.Incomplete = Missing(state).Count > 0 || state.Phase != DialogPhase.Confirming;
        state.Phase = DialogPhase.Expired;
        return new DialogTurn(state, [], DialogAction.Register);
    }

    public IReadOnlyList<FieldDefinition> Missing(DialogState state) =>
        definition.Fields.Where(f => f.Ask && !state.Values.ContainsKey(f.Name) && !state.Skipped.Contains(f.Name)).ToList();

    /// <summary>Every field with what is known, in the customer's language; a field never asked shows only when given.</summary>
    public string Summary(DialogState state, string separator = "\n") =>
        string.Join(separator, definition.Fields.Where(f => f.Ask || state.Values.ContainsKey(f.Name)).Select(f =>
            $"{f.Label.In(state.Language)}{Colon(state.Language)}{Shown(state, f) ?? "—"}"));

    /// <summary>A choice is shown by its label in the customer's language ("property management", not "物业管理").</summary>
    private static string? Shown(DialogState state, FieldDefinition field)
    {
        if (field.Kind == FieldKind.Choice && state.Values.TryGetValue(field.Name, out var value)
            && field.Choices.FirstOrDefault(c => c.Value == value)?.Label is { } label)
            return label.In(state.Language);
        return state.Shown.TryGetValue(field.Name, out var shown) ? shown : null;
    }

    private static string Colon(string language) => language == Localized.Chinese ? "：" : ": ";

    /// <summary>
    /// Takes every value the text carries (issue 16: a whole message is read at once), the answer to what was asked
    /// first. Returns false when nothing asked could be read from an answer (retry).
    /// </summary>
    private bool Absorb(DialogState state, string text, DateTimeOffset now, bool unaskedOnly, bool overwrite)
    {
        var answered = true;
        var reading = MessageReader.Read(definition, text, now, zone);
        // "姓名：张三" / "Where: building 3" lines fill their fields directly (how e-mail answers come).
        foreach (Match line in LabelledLine().Matches(text))
        {
            var field = definition.Fields.FirstOrDefault(f => f.Label.Values.Any(l => string.Equals(l, line.Groups["label"].Value.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (field is not null && FieldReaders.Read(field, line.Groups["value"].Value, asked: true, now, zone) is { } labelled) Set(state, field, labelled);
        }
        var asked = Asked(state);
        // "我姓陈" in answer to "what happened?" is not a failed answer: the name is taken and the question asked again.
        var learned = reading.Fields.Keys.Any(name => !state.Values.ContainsKey(name) && definition.Field(name) is { Ask: true });
        if (!unaskedOnly && asked.Count > 0)
        {
            // An e-mail that answers several questions at once is read by labels and extractors, not as one answer.
            var wholeAnswer = state.Style != DialogStyle.Email || Missing(state).Count == 1;
            var any = false;
            foreach (var field in asked)
            {
                if (state.Values.ContainsKey(field.Name))
                {
                    any = true;
                    continue;
                }
                if (!field.Required && wholeAnswer && asked.Count == 1 && FieldReaders.IsDecline(text))
                {
                    state.Skipped.Add(field.Name);
                    Unask(state, field.Name);
                    any = true;
                    continue;
                }
                var value = reading.Fields.TryGetValue(field.Name, out var found) ? found.Value
                    : wholeAnswer ? AnswerTo(field, text, reading, alone: asked.Count == 1, now) : null;
                if (value is null) continue;
                Set(state, field, value);
                any = true;
            }
            if (!any && !learned && wholeAnswer && state.Asking is { } asking)
            {
                answered = false;
                state.Retries++;
                if (state.Retries >= 3)
                {
                    // Three tries: move on rather than trap the customer; the agent sees the gap.
                    foreach (var field in asked.Where(f => !state.Values.ContainsKey(f.Name))) state.Skipped.Add(field.Name);
                    state.Asking = null;
                    state.AskingAlso.Clear();
                    answered = true;
                }
                else state.Asking = asking;
            }
        }
        foreach (var field in definition.Fields)
        {
            if (!unaskedOnly && asked.Contains(field)) continue;
            if (state.FromChannel.Contains(field.Name) && !overwrite) continue;
            if (state.Values.ContainsKey(field.Name) && !overwrite) continue;
            // The complaint itself is taken only as the answer to its question, never from a later message.
            if (field.Target == "text") continue;
            // The category comes from what the complaint tells, not from a place or a request answered later ("停车场").
            if (field.Kind == FieldKind.Choice && !MessageReader.IsComplaint(reading)) continue;
            if (reading.Fields.TryGetValue(field.Name, out var found)) Set(state, field, found.Value);
        }
        return answered;
    }

    /// <summary>The fields the last question asked that the definition still has.</summary>
    private List<FieldDefinition> Asked(DialogState state) =>
        new[] { state.Asking }.Concat(state.AskingAlso).OfType<string>().Distinct()
            .Select(definition.Field).OfType<FieldDefinition>().ToList();

    /// <summary>
    /// The answer to one asked field when no reader found it marked: the complaint when the message tells one (not only
    /// a name or a number), else what the message says without the other values in it.
    /// </summary>
    private ReadValue? AnswerTo(FieldDefinition field, string text, MessageReading reading, bool alone, DateTimeOffset now)
    {
        if (field.Target == "text")
        {
            var complaint = ConversationalFiller.Strip(text);
            if (!MessageReader.IsComplaint(reading) || complaint.Length < Math.Max(1, field.MinLength)) return null;
            return new ReadValue(complaint, complaint);
        }
        // Asked together with another field ("王先生 13800138000"): this one is what the other values leave.
        var source = alone && field.Kind is not FieldKind.Name ? text : reading.Remainder;
        if (field.Kind is FieldKind.Name && alone && reading.Fields.Count == 0) source = text;
        return FieldReaders.Read(field, source, asked: true, now, zone);
    }

    /// <summary>The value a correction carries for its field ("电话写错了，是139…", "名字写错了，我叫陈建国"), or null (ask again).</summary>
    private ReadValue? CorrectedValue(FieldDefinition field, string text, DateTimeOffset now)
    {
        var folded = TextFolding.Fold(text);
        var value = CorrectionReader.Value(folded);
        return field.Kind switch
        {
            FieldKind.Name => NameReader.Read(CorrectionReader.WithoutAnnouncement(folded), asked: false)?.Value
                              ?? (value is null ? null : NameReader.Read(value, asked: true)?.Value),
            FieldKind.Text when field.Target == "text" => null,
            FieldKind.Text when field.Target == "location" => value is null ? PlaceReader.Read(folded, "")?.Value : PlaceReader.Answer(value)?.Value,
            FieldKind.Text when field.Target == "customerRequest" => value is null ? null : RequestReader.Answer(value, field.MinLength)?.Value,
            FieldKind.Text => value is null || value.Length < Math.Max(1, field.MinLength) ? null : new ReadValue(value, value),
            _ => FieldReaders.Read(field, text, asked: false, now, zone),
        };
    }

    /// <summary>
    /// The definition changed since this dialog began (a deploy mid-conversation): values of fields that are gone are
    /// dropped, a question about one is forgotten, and the dialog goes on under the new version instead of failing.
    /// </summary>
    private void Upgrade(DialogState state)
    {
        var names = definition.Fields.Select(f => f.Name).ToHashSet();
        foreach (var gone in state.Values.Keys.Where(k => !names.Contains(k)).ToList()) state.Values.Remove(gone);
        foreach (var gone in state.Shown.Keys.Where(k => !names.Contains(k)).ToList()) state.Shown.Remove(gone);
        state.Skipped.RemoveAll(n => !names.Contains(n));
        state.FromChannel.RemoveAll(n => !names.Contains(n));
        state.AskingAlso.RemoveAll(n => !names.Contains(n));
        if (state.Asking is { } asking && !names.Contains(asking)) state.Asking = null;
        // A summary already shown may now lack a new required field: collect it first.
        if (state.Phase is DialogPhase.Confirming or DialogPhase.ChoosingCorrection && Missing(state).Count > 0) state.Phase = DialogPhase.Collecting;
        state.DefinitionVersion = definition.Version;
    }

    private static void Unask(DialogState state, string name)
    {
        state.AskingAlso.Remove(name);
        if (state.Asking != name) return;
        state.Asking = null;
        state.Retries = 0;
    }

    private static void Set(DialogState state, FieldDefinition field, ReadValue value)
    {
        state.Values[field.Name] = value.Value;
        state.Shown[field.Name] = value.Display;
        state.Skipped.Remove(field.Name);
        Unask(state, field.Name);
    }

    private DialogTurn Next(DialogState state, bool retry)
    {
        var language = state.Language;
        if (retry && state.Asking is { } asked && definition.Field(asked) is { } askedField)
            return new DialogTurn(state, [askedField.Retry.In(language)], DialogAction.None);
        if (state.Correcting && state.Asking is null)
        {
            state.Correcting = false;
            return Confirm(state);
        }
        var missing = Missing(state);
        if (missing.Count == 0 && state.Style == DialogStyle.Email)
        {
            // By e-mail the case is already open and shows every field to the agent: no round of "is this right?".
            state.Phase = DialogPhase.Registered;
            state.Asking = null;
            return new DialogTurn(state, [], DialogAction.Register);
        }
        if (missing.Count == 0) return Confirm(state);
        var next = state.Asking is { } current && missing.Any(f => f.Name == current) ? definition.Field(current)! : missing[0];
        state.Asking = next.Name;
        state.AskingAlso.Clear();
        state.Phase = DialogPhase.Collecting;
        // In chat, two missing fields answered in a breath (name and phone; when and where) are one question. SMS keeps
        // one short question a segment; e-mail asks for everything at once anyway.
        var together = state.Style == DialogStyle.Chat && !state.Correcting
            ? missing.Where(f => f != next && Group(f) is { } group && group == Group(next)).Take(1).ToList()
            : [];
        state.AskingAlso.AddRange(together.Select(f => f.Name));
        var prompt = state.Style switch
        {
            DialogStyle.Sms => (next.Sms ?? next.Prompt).In(language),
            DialogStyle.Email => definition.Message("emailAsk", language)
                .Replace("{fields}", string.Join("\n", missing.Select(f => $"{f.Label.In(language)}{Colon(language)}{f.Prompt.In(language)}")), StringComparison.Ordinal),
            _ when together.Count > 0 => Together(language, [next, .. together]),
            _ => next.Prompt.In(language),
        };
        return new DialogTurn(state, [prompt], DialogAction.None);
    }

    /// <summary>Fields asked together: contact details, or when and where it happened; free text is asked alone.</summary>
    private static string? Group(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Name or FieldKind.Phone or FieldKind.Email => "contact",
        FieldKind.DateTime => "event",
        FieldKind.Text when field.Target == "location" => "event",
        _ => null,
    };

    private string Together(string language, IReadOnlyList<FieldDefinition> fields)
    {
        var questions = string.Join(language == Localized.Chinese ? "" : " ", fields.Select(f => f.Prompt.In(language)));
        return definition.Messages.ContainsKey("askTogether")
            ? definition.Message("askTogether", language).Replace("{questions}", questions, StringComparison.Ordinal)
            : questions;
    }

    private DialogTurn Confirm(DialogState state)
    {
        state.Phase = DialogPhase.Confirming;
        state.Asking = null;
        state.AskingAlso.Clear();
        var key = state.Style == DialogStyle.Sms ? "confirmSms" : "confirm";
        var template = definition.Messages.ContainsKey(key) ? definition.Message(key, state.Language) : definition.Message("confirm", state.Language);
        var summary = Summary(state, state.Style == DialogStyle.Sms ? "；" : "\n");
        return new DialogTurn(state, [template.Replace("{summary}", summary, StringComparison.Ordinal)], DialogAction.None);
    }

    private DialogTurn Correct(DialogState state, string text, DateTimeOffset now)
    {
        var language = state.Language;
        var named = Intents.NamedField(definition, text);
        if (named is null)
        {
            state.Phase = DialogPhase.ChoosingCorrection;
            var labels = string.Join("、", definition.Fields.Select(f => f.Label.In(language)));
            return new DialogTurn(state, [definition.Message("whichField", language).Replace("{fields}", labels, StringComparison.Ordinal)], DialogAction.None);
        }
        var field = definition.Field(named)!;
        // "电话写错了，是13900139000", "名字写错了，我叫陈建国": the new value came with the correction.
        if (CorrectedValue(field, text, now) is { } value)
        {
            Set(state, field, value);
            state.FromChannel.Remove(field.Name);
            return Confirm(state);
        }
        state.Values.Remove(field.Name);
        state.Shown.Remove(field.Name);
        state.FromChannel.Remove(field.Name);
        state.Phase = DialogPhase.Collecting;
        state.Correcting = true;
        state.Asking = field.Name;
        state.AskingAlso.Clear();
        state.Retries = 0;
        var prompt = state.Style == DialogStyle.Sms ? (field.Sms ?? field.Prompt).In(language) : field.Prompt.In(language);
        return new DialogTurn(state, [prompt], DialogAction.None);
    }

    [GeneratedRegex(@"^[ \t]*(?<label>[^:：\r\n]{1,20})[:：][ \t]*(?<value>[^\r\n]+)$", RegexOptions.Multiline)]
    private static partial Regex LabelledLine();
}
