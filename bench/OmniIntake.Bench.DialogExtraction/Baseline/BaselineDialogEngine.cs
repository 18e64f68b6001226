// The engine as it was before issue 16 (commit b564914), kept only as the benchmark's baseline: the same corpus runs through both.
using OmniIntake.Dialogs.Engine;
using OmniIntake.Core.Conversations;
using System.Text.RegularExpressions;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Extraction;

namespace OmniIntake.Bench.DialogExtraction.Baseline;

/// <summary>
/// Runs one dialog definition as a form (after Rasa's forms): ask only for what is missing, take every value a
/// message carries, confirm with a summary, take corrections, cancel, hand off to a person at any moment. Pure: state
/// in, state and replies out; the runner stores the state and registers the case. The same definition runs on chat
/// (one question per turn), SMS (one short question) and e-mail (every missing field in one message).
/// </summary>
public sealed partial class BaselineDialogEngine(DialogDefinition definition, TimeZoneInfo zone)
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
        var language = state.Language;
        if (BaselineIntents.IsHandOff(text))
        {
            state.Phase = DialogPhase.HandedOff;
            state.Incomplete = Missing(state).Count > 0;
            return new DialogTurn(state, [definition.Message("handoff", language)], DialogAction.HandOff);
        }
        if (BaselineIntents.IsCancel(text))
        {
            state.Phase = DialogPhase.Cancelled;
            return new DialogTurn(state, [definition.Message("cancelled", language)], DialogAction.Cancel);
        }
        switch (state.Phase)
        {
            case DialogPhase.Confirming:
                if (BaselineIntents.IsYes(text))
                {
                    state.Phase = DialogPhase.Registered;
                    return new DialogTurn(state, [definition.Message("registered", language)], DialogAction.Register);
                }
                if (BaselineIntents.IsNo(text) || BaselineIntents.IsCorrection(text)) return Correct(state, text, now);
                // A new value typed at the summary ("13900139000") replaces the old one.
                Absorb(state, text, now, unaskedOnly: true, overwrite: true);
                return Confirm(state);
            case DialogPhase.ChoosingCorrection:
                return Correct(state, text, now);
            default:
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
        definition.Fields.Where(f => !state.Values.ContainsKey(f.Name) && !state.Skipped.Contains(f.Name)).ToList();

    public string Summary(DialogState state, string separator = "\n") =>
        string.Join(separator, definition.Fields.Select(f =>
            $"{f.Label.In(state.Language)}{Colon(state.Language)}{(state.Shown.TryGetValue(f.Name, out var shown) ? shown : "—")}"));

    private static string Colon(string language) => language == Localized.Chinese ? "：" : ": ";

    /// <summary>Takes what the text says. Returns false when the asked field's answer could not be read (retry).</summary>
    private bool Absorb(DialogState state, string text, DateTimeOffset now, bool unaskedOnly, bool overwrite)
    {
        var answered = true;
        // "姓名：张三" / "Where: building 3" lines fill their fields directly (how e-mail answers come).
        foreach (Match line in LabelledLine().Matches(text))
        {
            var field = definition.Fields.FirstOrDefault(f => f.Label.Values.Any(l => string.Equals(l, line.Groups["label"].Value.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (field is not null && BaselineFieldReaders.Read(field, line.Groups["value"].Value, asked: true, now, zone) is { } labelled) Set(state, field, labelled);
        }
        var asking = state.Asking is { } name ? definition.Field(name) : null;
        if (!unaskedOnly && asking is not null && !state.Values.ContainsKey(asking.Name))
        {
            // An e-mail that answers several questions at once is read by labels and extractors, not as one answer.
            var wholeAnswer = state.Style != DialogStyle.Email || Missing(state).Count == 1;
            if (!asking.Required && wholeAnswer && BaselineFieldReaders.IsDecline(text))
            {
                state.Skipped.Add(asking.Name);
                state.Asking = null;
            }
            else if (BaselineFieldReaders.Read(asking, text, asked: wholeAnswer, now, zone) is { } value)
            {
                Set(state, asking, value);
            }
            else if (wholeAnswer)
            {
                answered = false;
                state.Retries++;
                if (state.Retries >= 3)
                {
                    // Three tries: move on rather than trap the customer; the agent sees the gap.
                    state.Skipped.Add(asking.Name);
                    state.Asking = null;
                    answered = true;
                }
            }
        }
        foreach (var field in definition.Fields.Where(f => f.Name != state.Asking || unaskedOnly))
        {
            if (state.FromChannel.Contains(field.Name) && !overwrite) continue;
            if (state.Values.ContainsKey(field.Name) && !overwrite) continue;
            if (BaselineFieldReaders.Read(field, text, asked: false, now, zone) is { } value) Set(state, field, value);
        }
        return answered;
    }

    private static void Set(DialogState state, FieldDefinition field, ReadValue value)
    {
        state.Values[field.Name] = value.Value;
        state.Shown[field.Name] = value.Display;
        state.Skipped.Remove(field.Name);
        if (state.Asking == field.Name)
        {
            state.Asking = null;
            state.Retries = 0;
        }
    }

    private DialogTurn Next(DialogState state, bool retry)
    {
        var language = state.Language;
        if (retry && state.Asking is { } asked)
            return new DialogTurn(state, [definition.Field(asked)!.Retry.In(language)], DialogAction.None);
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
        state.Phase = DialogPhase.Collecting;
        var prompt = state.Style switch
        {
            DialogStyle.Sms => (next.Sms ?? next.Prompt).In(language),
            DialogStyle.Email => definition.Message("emailAsk", language)
                .Replace("{fields}", string.Join("\n", missing.Select(f => $"{f.Label.In(language)}{Colon(language)}{f.Prompt.In(language)}")), StringComparison.Ordinal),
            _ => next.Prompt.In(language),
        };
        return new DialogTurn(state, [prompt], DialogAction.None);
    }

    private DialogTurn Confirm(DialogState state)
    {
        state.Phase = DialogPhase.Confirming;
        state.Asking = null;
        var key = state.Style == DialogStyle.Sms ? "confirmSms" : "confirm";
        var template = definition.Messages.ContainsKey(key) ? definition.Message(key, state.Language) : definition.Message("confirm", state.Language);
        var summary = Summary(state, state.Style == DialogStyle.Sms ? "；" : "\n");
        return new DialogTurn(state, [template.Replace("{summary}", summary, StringComparison.Ordinal)], DialogAction.None);
    }

    private DialogTurn Correct(DialogState state, string text, DateTimeOffset now)
    {
        var language = state.Language;
        var named = BaselineIntents.NamedField(definition, text);
        if (named is null)
        {
            state.Phase = DialogPhase.ChoosingCorrection;
            var labels = string.Join("、", definition.Fields.Select(f => f.Label.In(language)));
            return new DialogTurn(state, [definition.Message("whichField", language).Replace("{fields}", labels, StringComparison.Ordinal)], DialogAction.None);
        }
        var field = definition.Field(named)!;
        // "电话写错了，是13900139000": the new value came with the correction.
        if (field.Kind is not (FieldKind.Text or FieldKind.Name) && BaselineFieldReaders.Read(field, text, asked: false, now, zone) is { } value)
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
        state.Retries = 0;
        var prompt = state.Style == DialogStyle.Sms ? (field.Sms ?? field.Prompt).In(language) : field.Prompt.In(language);
        return new DialogTurn(state, [prompt], DialogAction.None);
    }

    [GeneratedRegex(@"^[ \t]*(?<label>[^:：\r\n]{1,20})[:：][ \t]*(?<value>[^\r\n]+)$", RegexOptions.Multiline)]
    private static partial Regex LabelledLine();
}
