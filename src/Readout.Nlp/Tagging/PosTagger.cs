using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Tagging;

/// <summary>
/// Tags every token with UPOS and Penn XPOS and lemmatizes it, sentence by sentence (tokens outside
/// sentences are tagged as runs of their own). Thread-safe: the model is read-only.
/// </summary>
public sealed class PosTagger : IStage
{
    private readonly PosModel _model;

    public PosTagger(PosModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "pos";

    public IReadOnlyList<LayerKey> Requires { get; } = [LayerKeys.Tokens, LayerKeys.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [LayerKeys.PartsOfSpeech];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(LayerKeys.Tokens);
        var sentences = document.Get(LayerKeys.Sentences);
        var upos = new Upos[tokens.Count];
        var xpos = new string[tokens.Count];
        var lemmas = new string[tokens.Count];
        string[] forms = [];
        // One string per distinct form of the document, not one per token; a form the lemmatizer
        // leaves unchanged is its own lemma, so those lemmas are shared too.
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var lookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (first, end) in SentenceRanges.Of(tokens, sentences))
        {
            int n = end - first;
            if (forms.Length < n)
            {
                forms = new string[Math.Max(n, 2 * forms.Length)];
            }

            for (int i = first; i < end; i++)
            {
                var chars = tokens.Chars(document.Text, i);
                if (!lookup.TryGetValue(chars, out string? form))
                {
                    form = chars.ToString();
                    distinct.Add(form);
                }

                forms[i - first] = form;
            }

            _model.Tag(new ArraySegment<string>(forms, 0, n), upos.AsSpan(first, n), xpos.AsSpan(first, n), lemmas.AsSpan(first, n));
        }

        document.Set(LayerKeys.PartsOfSpeech, new PosTags(upos, xpos, lemmas));
    }
}
