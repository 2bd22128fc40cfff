using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Knowledge;
using Readout.Nlp.Ner;

namespace Readout.Nlp.Entities;

/// <summary>
/// The trained name tagger, then the entity stage combining its names with the rules': the entity layer as the
/// standard pipeline makes it, in one stage, for scorers that run a single stage (<c>readout eval ner --pipeline</c>).
/// </summary>
public sealed class CombinedEntityStage(NerTagger names, KnowledgeBase kb) : IStage
{
    private readonly EntityRecognizer _entities = new(kb, useNames: true);

    public string Name => "names+entities";

    public IReadOnlyList<LayerKey> Requires { get; } = [LayerKeys.Tokens, LayerKeys.Sentences, LayerKeys.PartsOfSpeech];

    public IReadOnlyList<LayerKey> Produces { get; } = [LayerKeys.NamedEntities, LayerKeys.Entities];

    public void Process(Document document)
    {
        names.Process(document);
        _entities.Process(document);
    }
}
