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
        string[] forms = [];
        foreach (var (first, end) in SentenceRanges.Of(tokens, sentences))
        {
            int n = end - first;
            if (forms.Length < n)
            {
                forms = new string[Math.Max(n, 2 * forms.Length)];
            }

            for (int i = 0; i < n; i++)
            {
                forms[i] = tokens.Text(document.Text, first + i);
            }

            var parse = _model.Parse(new ArraySegment<string>(forms, 0, n), new ArraySegment<Upos>(tags.Upos, first, n), new ArraySegment<string>(tags.Xpos, first, n));
            for (int i = 0; i < n; i++)
            {
                heads[first + i] = parse.Heads[i] < 0 ? -1 : first + parse.Heads[i];
                relations[first + i] = parse.Relations[i];
            }
        }

        document.Set(LayerKeys.Dependencies, new DependencyTree(heads, relations));
    }
}
