using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Time;

/// <summary>
/// The time stage: finds time expressions sentence by sentence, resolves them against the
/// publication date (and the last date mentioned, for "the next day"), and sets
/// <see cref="LayerKeys.Timexes"/>. Text inside excluded regions (bylines, boilerplate) is skipped.
/// Spans are widened to whole tokens. When a part-of-speech layer exists, its tags decide which words
/// are past-tense verbs (VBD, VBN after "have") and future modals (MD will/shall/would).
/// Thread-safe: all per-document state lives in a <see cref="TimeContext"/> made per call.
/// </summary>
public sealed class TimeNormalizer : IStage
{
    private static readonly LayerKey[] RequiredLayers = [LayerKeys.Tokens, LayerKeys.Sentences];
    private static readonly LayerKey[] ProducedLayers = [LayerKeys.Timexes];
    private readonly TimeExpressionRecognizer _recognizer;

    public TimeNormalizer()
        : this(new TimeExpressionRecognizer())
    {
    }

    public TimeNormalizer(TimeExpressionRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        _recognizer = recognizer;
    }

    public string Name => "time";

    public IReadOnlyList<LayerKey> Requires => RequiredLayers;

    public IReadOnlyList<LayerKey> Produces => ProducedLayers;

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(LayerKeys.Tokens);
        var sentences = document.Get(LayerKeys.Sentences);
        document.TryGet(LayerKeys.Regions, out var regions);
        var context = new TimeContext(document.Metadata.PublishedDate);
        if (document.TryGet(LayerKeys.PartsOfSpeech, out var pos))
        {
            SetVerbTenses(context, tokens, pos);
        }

        var text = document.Text;
        var result = new List<Timex>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (sentence.TokenCount == 0)
            {
                continue;
            }

            int start = Math.Clamp(sentence.Span.Start, 0, text.Length);
            int end = Math.Clamp(sentence.Span.End, start, text.Length);
            foreach (var m in _recognizer.Find(text, start, end, context))
            {
                if (regions is not null && regions.IsExcluded(m.Span.Start))
                {
                    continue;
                }

                int first = tokens.TokenAtOrAfter(m.Span.Start);
                int last = tokens.TokenAtOrAfter(m.Span.End - 1);
                if (first >= tokens.Count || last >= tokens.Count || tokens.Starts[first] >= m.Span.End)
                {
                    continue;
                }

                var span = TextSpan.FromBounds(Math.Min(tokens.Starts[first], m.Span.Start), Math.Max(tokens.Ends[last], m.Span.End));
                if (result.Count > 0 && result[^1].Span.End > span.Start)
                {
                    // Two expressions in one token ("1990-91"): keep the first.
                    continue;
                }

                result.Add(new Timex(span, first, last + 1, document.Slice(span), m.Type, m.Value, m.Mod, m.Reaches));
            }
        }

        document.Set(LayerKeys.Timexes, result);
    }

    private static void SetVerbTenses(TimeContext context, TokenTable tokens, PosTags pos)
    {
        int n = Math.Min(tokens.Count, pos.Xpos.Length);
        var offsets = new List<int>();
        var tenses = new List<Tense>();
        for (int i = 0; i < n; i++)
        {
            var tag = pos.Xpos[i];
            var lemma = i < pos.Lemmas.Length ? pos.Lemmas[i] : string.Empty;
            Tense t = tag switch
            {
                "VBD" => Tense.Past,
                "MD" when lemma is "will" or "shall" or "'ll" or "ll" or "wo" or "would" or "might" or "may" => Tense.Future,
                "VBN" when i > 0 && pos.Lemmas[i - 1] is "have" => Tense.Past,
                // "The United States imposed sanctions on Tuesday": right after its subject an -ed word with no
                // auxiliary is a past verb the tagger misread (as a participle or an adjective), or a reduced
                // relative ("the deal signed on Tuesday"); either way what it tells happened.
                "VBN" or "JJ" when i > 0 && pos.Xpos[i - 1] is "NNP" or "NNPS" or "NN" or "NNS" or "PRP"
                    && (tag == "VBN" || lemma.EndsWith("ed", StringComparison.Ordinal)) => Tense.Past,
                // "the groundwork for a visit in December", "preparations for talks next month", "ahead of
                // the summit in May": the time of what is prepared for lies ahead, whatever the main verb's tense.
                "NN" or "NNS" or "RB" when lemma is "groundwork" or "preparation" or "plan" or "ahead" or "run-up"
                    && i + 1 < n && pos.Lemmas[i + 1] is "for" or "of" => Tense.Future,
                _ => Tense.Unknown,
            };
            if (t != Tense.Unknown)
            {
                offsets.Add(tokens.Starts[i]);
                tenses.Add(t);
            }
        }

        context.SetVerbTenses([.. offsets], [.. tenses]);
    }
}
