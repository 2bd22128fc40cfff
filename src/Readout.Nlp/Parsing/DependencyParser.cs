using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Parsing;

/// <summary>
/// Parses every sentence into UD dependencies; heads are document-level token indices, -1 for a
/// sentence root. Tokens outside sentences are parsed as runs of their own. Thread-safe.
/// </summary>
public sealed class DependencyParser : IStage
{
    private readonly ParserModel _model;

    public DependencyParser(ParserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "parser";

    public IReadOnlyList<LayerKey> Requires { get; } = [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech];

    public IReadOnlyList<LayerKey> Produces { get; } = [LayerKeys.Dependencies];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(LayerKeys.Tokens);
        var sentences = document.Get(LayerKeys.Sentences);
        var tags = document.Get(LayerKeys.PartsOfSpeech);
        var heads = new int[tokens.Count];
        var relations = new string[tokens.Count];
        // One set of buffers per document, reused by every sentence: no allocation per sentence.
        var features = new ParserFeatures();
        var state = new ParserState(0);
        foreach (var (first, end) in SentenceRanges.Of(tokens, sentences))
        {
            int n = end - first;
            features.Reset(n);
            for (int i = 0; i < n; i++)
            {
                features.SetWord(i, tokens.Chars(document.Text, first + i), tags.Upos[first + i], tags.Xpos[first + i]);
            }

            var sentenceHeads = heads.AsSpan(first, n);
            _model.Parse(features, state, sentenceHeads, relations.AsSpan(first, n));
            foreach (ref int head in sentenceHeads)
            {
                head = head < 0 ? -1 : first + head;
            }
        }

        document.Set(LayerKeys.Dependencies, new DependencyTree(heads, relations));
    }
}
