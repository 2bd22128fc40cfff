using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Sentences;
using Readout.Nlp.Tagging;
using Readout.Nlp.Tokens;

namespace Readout.Nlp.Time.Evaluation;

/// <summary>
/// Scores the recognizer on TimeML files the TempEval-3 way. The recognizer sees only the plain
/// text and the document creation time, never the gold. Documents are split by a stable hash of
/// their name: even ones are the development half, odd ones are held out.
/// </summary>
public static class TempEvalScorer
{
    public const string All = "all";
    public const string Development = "dev";
    public const string HeldOut = "held-out";

    /// <summary>
    /// Evaluates every .tml file under <paramref name="directory"/>: each subfolder holding .tml
    /// files is a corpus (or the folder itself, if it holds them). Single-threaded.
    /// </summary>
    public static TempEvalReport Evaluate(string directory, TimeExpressionRecognizer? recognizer = null)
    {
        recognizer ??= new TimeExpressionRecognizer();
        return Evaluate(directory, doc => recognizer.Find(doc.Text, new TimeContext(doc.CreationDate)));
    }

    /// <summary>
    /// What the pipeline finds in a document: tokens, sentences and part-of-speech tags (which give the verbs'
    /// tenses) before the time stage, as <c>annotate</c> runs them. A system for <see cref="Evaluate(string, Func{TimeMLDocument, IReadOnlyList{TimexMatch}})"/>.
    /// </summary>
    public static Func<TimeMLDocument, IReadOnlyList<TimexMatch>> ThroughStages(PosModel pos)
    {
        var stages = new PipelineBuilder().Add(new Tokenizer()).Add(new SentenceSplitter()).Add(new PosTagger(pos)).Add(new TimeNormalizer()).Build();
        return doc =>
        {
            var document = doc.ToDocument();
            stages.Process(document);
            return [.. document.Get(LayerKeys.Timexes).Select(t => new TimexMatch(t.Span, t.Type, t.Value, t.Mod, Tense.Unknown))];
        };
    }

    /// <summary>Evaluates what <paramref name="system"/> finds in each document's text (given its creation time).</summary>
    public static TempEvalReport Evaluate(string directory, Func<TimeMLDocument, IReadOnlyList<TimexMatch>> system)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(system);
        var corpora = Directory.GetFiles(directory, "*.tml").Length > 0
            ? [directory]
            : Directory.GetDirectories(directory).Where(d => Directory.GetFiles(d, "*.tml").Length > 0).Order(StringComparer.Ordinal).ToArray();
        var figures = new List<TempEvalFigures>();
        var errors = new List<TempEvalError>();
        var overall = new Dictionary<string, Tally>();
        foreach (var corpusDir in corpora)
        {
            string corpus = Path.GetFileName(Path.TrimEndingDirectorySeparator(corpusDir));
            var tallies = new Dictionary<string, Tally> { [All] = new(), [Development] = new(), [HeldOut] = new() };
            foreach (var file in Directory.GetFiles(corpusDir, "*.tml").Order(StringComparer.Ordinal))
            {
                var doc = TimeMLReader.Read(file);
                string split = IsDevelopment(doc.Id) ? Development : HeldOut;
                var t = Score(doc, system(doc), split, errors);
                tallies[All].Add(t);
                tallies[split].Add(t);
                foreach (var key in new[] { All, split })
                {
                    if (!overall.TryGetValue(key, out var o))
                    {
                        overall[key] = o = new Tally();
                    }

                    o.Add(t);
                }
            }

            foreach (var (split, t) in tallies)
            {
                figures.Add(t.ToFigures(corpus, split));
            }
        }

        foreach (var split in new[] { All, Development, HeldOut })
        {
            if (overall.TryGetValue(split, out var o))
            {
                figures.Add(o.ToFigures("overall", split));
            }
        }

        return new TempEvalReport(figures, errors);
    }

    /// <summary>True for documents in the development half (even FNV-1a hash of the name).</summary>
    public static bool IsDevelopment(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        uint h = 2166136261;
        foreach (char c in documentId)
        {
            h = (h ^ c) * 16777619;
        }

        return h % 2 == 0;
    }

    private static Tally Score(TimeMLDocument doc, IReadOnlyList<TimexMatch> system, string split, List<TempEvalError> errors)
    {
        var t = new Tally { Documents = 1, Gold = doc.Gold.Count, System = system.Count };
        var used = new bool[system.Count];
        string Cut(TextSpan s) => doc.Text.Substring(s.Start, s.Length);
        string Around(TextSpan s)
        {
            int from = Math.Max(0, s.Start - 70), to = Math.Min(doc.Text.Length, s.End + 50);
            return doc.Text[from..to].ReplaceLineEndings(" ");
        }

        foreach (var g in doc.Gold)
        {
            int match = -1;
            for (int k = 0; k < system.Count; k++)
            {
                if (!used[k] && system[k].Span.Overlaps(g.Span))
                {
                    match = k;
                    break;
                }
            }

            if (match < 0)
            {
                errors.Add(new TempEvalError(doc.Id, split, "missed", Cut(g.Span), g.Value, null, null, Around(g.Span)));
                continue;
            }

            used[match] = true;
            var s = system[match];
            t.Relaxed++;
            if (s.Span == g.Span)
            {
                t.Strict++;
            }
            else
            {
                errors.Add(new TempEvalError(doc.Id, split, "extent", Cut(g.Span), g.Value, Cut(s.Span), s.Value, Around(g.Span)));
            }

            if (s.Type == g.Type)
            {
                t.Type++;
            }
            else
            {
                errors.Add(new TempEvalError(doc.Id, split, "type", Cut(g.Span), g.Type + " " + g.Value, Cut(s.Span), s.Type + " " + s.Value, Around(g.Span)));
            }

            if (s.Value == g.Value)
            {
                t.Value++;
            }
            else
            {
                errors.Add(new TempEvalError(doc.Id, split, "value", Cut(g.Span), g.Value, Cut(s.Span), s.Value, Around(g.Span)));
            }
        }

        for (int k = 0; k < system.Count; k++)
        {
            if (!used[k])
            {
                errors.Add(new TempEvalError(doc.Id, split, "spurious", null, null, Cut(system[k].Span), system[k].Value, Around(system[k].Span)));
            }
        }

        return t;
    }

    private sealed class Tally
    {
        public int Documents { get; set; }

        public int Gold { get; set; }

        public int System { get; set; }

        public int Strict { get; set; }

        public int Relaxed { get; set; }

        public int Type { get; set; }

        public int Value { get; set; }

        public void Add(Tally o)
        {
            Documents += o.Documents;
            Gold += o.Gold;
            System += o.System;
            Strict += o.Strict;
            Relaxed += o.Relaxed;
            Type += o.Type;
            Value += o.Value;
        }

        public TempEvalFigures ToFigures(string corpus, string split) => new(corpus, split, Documents, Gold, System, Strict, Relaxed, Type, Value);
    }
}
