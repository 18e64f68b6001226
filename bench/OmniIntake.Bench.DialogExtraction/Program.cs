using System.Diagnostics;
using System.Globalization;
using OmniIntake.Bench.DialogExtraction.Baseline;
using OmniIntake.Core.Conversations;
using OmniIntake.Dialogs.Definitions;
using OmniIntake.Dialogs.Engine;
using OmniIntake.Dialogs.Tests.Corpus;

// Dialog extraction benchmark (issue 16): field-level precision, recall and F1 over the corpus, and the turns an
// all-but-one complaint takes to reach the summary, for today's engine beside the engine before issue 16 (the baseline).
if (args is ["--tag", var sample])
{
    // For tuning the readers: how jieba tags a sentence.
    Console.WriteLine(string.Join(' ', OmniIntake.Dialogs.Extraction.ChineseWords.Tag(OmniIntake.Dialogs.Extraction.TextFolding.Fold(sample)).Select(w => $"{w.Word}/{w.Flag}")));
    return;
}
var corpus = CorpusScoring.Load(CorpusScoring.DefaultPath);
var zone = CorpusScoring.Shanghai;
var now = CorpusScoring.Now;
var nothing = new Dictionary<string, string>();

var before = new BaselineDialogEngine(DefinitionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Baseline", "complaint-intake.v1.json")), zone);
var watch = Stopwatch.StartNew();
var baseline = CorpusScoring.Run(corpus, l => before.Start(l, DialogStyle.Chat, nothing, now), (s, t) => before.Handle(s, t, now));
var baselineMs = watch.Elapsed.TotalMilliseconds;

var engine = new DialogEngine(DefinitionLoader.LoadFile(Path.Combine(DefinitionLoader.ShippedDirectory, "complaint-intake.json")), zone);
engine.Handle(engine.Start("zh-CN", DialogStyle.Chat, nothing, now).State, "预热", now); // loads the dictionaries outside the timing
watch.Restart();
var today = CorpusScoring.Run(corpus, l => engine.Start(l, DialogStyle.Chat, nothing, now), (s, t) => engine.Handle(s, t, now));
var todayMs = watch.Elapsed.TotalMilliseconds;

Console.WriteLine($"Corpus: {corpus.Count} messages ({corpus.Count(m => m.Language == "zh-CN")} zh-CN, {corpus.Count(m => m.Language == "en")} en)");
Console.WriteLine(CorpusScoring.Report($"Baseline: the engine before issue 16 ({baselineMs:F0} ms)", baseline));
Console.WriteLine(CorpusScoring.Report($"Today's engine ({todayMs:F0} ms)", today));
if (args.Contains("--misses")) foreach (var miss in today.Misses) Console.WriteLine("  miss " + miss);

// The held-out set was written after the readers were tuned and never tuned on: the honest estimate for new text.
var heldOutCorpus = CorpusScoring.Load(Path.Combine(AppContext.BaseDirectory, "Corpus", "held-out-messages.json"));
var heldOutBaseline = CorpusScoring.Run(heldOutCorpus, l => before.Start(l, DialogStyle.Chat, nothing, now), (s, t) => before.Handle(s, t, now));
var heldOut = CorpusScoring.Run(heldOutCorpus, l => engine.Start(l, DialogStyle.Chat, nothing, now), (s, t) => engine.Handle(s, t, now));
Console.WriteLine($"Held-out: {heldOutCorpus.Count} messages never used for tuning");
Console.WriteLine(CorpusScoring.Report("Held-out, baseline engine", heldOutBaseline));
Console.WriteLine(CorpusScoring.Report("Held-out, today's engine", heldOut));
if (args.Contains("--misses")) foreach (var miss in heldOut.Misses) Console.WriteLine("  held-out miss " + miss);

string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
var fields = string.Join(' ', today.Fields.Select(f => $"f1_{f.Key}={F(f.Value.F1)}"));
var baseFields = string.Join(' ', baseline.Fields.Select(f => $"baseline_f1_{f.Key}={F(f.Value.F1)}"));
Console.WriteLine($"RESULT dialog-extraction messages={corpus.Count} {fields} median_turns={today.MedianTurns.ToString(CultureInfo.InvariantCulture)} "
                  + $"{baseFields} baseline_median_turns={baseline.MedianTurns.ToString(CultureInfo.InvariantCulture)} "
                  + string.Join(' ', heldOut.Fields.Select(f => $"heldout_f1_{f.Key}={F(f.Value.F1)}"))
                  + $" heldout_median_turns={heldOut.MedianTurns.ToString(CultureInfo.InvariantCulture)}");
