using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Ner;

/// <summary>
/// Trained named-entity recognizer: tags each sentence with Person, Organization, Place and Nationality
/// names into <see cref="LayerKeys.NamedEntities"/>. Thread-safe: the model and gazetteer are read-only.
/// </summary>
public sealed class NerTagger : IStage
{
    private readonly NerModel _model;
    private readonly NerGazetteer _gazetteer;

    public NerTagger(NerModel model, NerGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gazetteer);
        _model = model;
        _gazetteer = gazetteer;
    }

    public string Name => "ner";

    public IReadOnlyList<LayerKey> Requires { get; } = [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech];

    public IReadOnlyList<LayerKey> Produces { get; } = [LayerKeys.NamedEntities];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(LayerKeys.Tokens);
        var sentences = document.Get(LayerKeys.Sentences);
        var pos = document.Get(LayerKeys.PartsOfSpeech);
        var mentions = new List<EntityMention>();
        var ranges = SentenceRanges.Of(tokens, sentences);
        var allForms = ranges.Select(r => Enumerable.Range(r.First, r.End - r.First).Select(i => tokens.Text(document.Text, i)).ToArray()).ToList();
        var allUpos = ranges.Select(r => (IReadOnlyList<Upos>)new ArraySegment<Upos>(pos.Upos, r.First, r.End - r.First)).ToList();
        var spaceAfter = ranges.Select(r => (IReadOnlyList<bool>?)Enumerable.Range(r.First, r.End - r.First).Select(i => i + 1 >= tokens.Count || tokens.Ends[i] != tokens.Starts[i + 1]).ToArray()).ToList();
        var spans = _model.TagDocument(allForms, allUpos, _gazetteer, spaceAfter);
        for (int r = 0; r < ranges.Count; r++)
        {
            var (first, _) = ranges[r];
            foreach (var s in spans[r])
            {
                var span = TextSpan.FromBounds(tokens.Starts[first + s.Start], tokens.Ends[first + s.End - 1]);
                mentions.Add(new EntityMention(span, first + s.Start, first + s.End, s.Kind, document.Text.Substring(span.Start, span.Length)));
            }
        }

        document.Set(LayerKeys.NamedEntities, mentions);
    }

    /// <summary>
    /// Options for <c>readout conllu</c> that run this recognizer and write <c>NER=B-PER</c>, <c>NER=I-ORG</c>,
    /// <c>NER=B-LOC</c>, <c>NER=B-NAT</c> or <c>NER=O</c> (BIO per token) into the MISC column.
    /// </summary>
    public Conllu.ConlluPredictorOptions ConlluOptions(Conllu.ConlluPredictorOptions? options = null)
    {
        var baseOptions = options ?? new Conllu.ConlluPredictorOptions();
        return baseOptions with
        {
            ExtraStages = [.. baseOptions.ExtraStages, this],
            Misc = (document, token) => "NER=" + BioTag(document, token),
        };
    }

    /// <summary>BIO tag of a document-level token from the <see cref="LayerKeys.NamedEntities"/> layer.</summary>
    public static string BioTag(Document document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGet(LayerKeys.NamedEntities, out var mentions))
        {
            return "O";
        }

        foreach (var m in mentions)
        {
            if (token >= m.FirstToken && token < m.EndToken)
            {
                return (token == m.FirstToken ? "B-" : "I-") + ShortName(m.Kind);
            }
        }

        return "O";
    }

    /// <summary>CoNLL type name: PER, ORG, LOC, NAT.</summary>
    public static string ShortName(EntityKind kind) => kind switch
    {
        EntityKind.Person => "PER",
        EntityKind.Organization => "ORG",
        EntityKind.Place or EntityKind.Country => "LOC",
        EntityKind.Nationality => "NAT",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
