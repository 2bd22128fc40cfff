namespace Readout.Core.Layers;

/// <summary>The keys of the standard layers, in pipeline order.</summary>
public static class LayerKeys
{
    public static readonly LayerKey<ExcludedRegions> Regions = new("regions");
    public static readonly LayerKey<TokenTable> Tokens = new("tokens");
    public static readonly LayerKey<SentenceTable> Sentences = new("sentences");
    public static readonly LayerKey<PosTags> PartsOfSpeech = new("pos");
    public static readonly LayerKey<DependencyTree> Dependencies = new("dependencies");
    public static readonly LayerKey<IReadOnlyList<EntityMention>> Entities = new("entities");

    /// <summary>Names found by the trained recognizer (Person, Organization, Place, Nationality); see Readout.Nlp.Ner.</summary>
    public static readonly LayerKey<IReadOnlyList<EntityMention>> NamedEntities = new("named-entities");
    public static readonly LayerKey<IReadOnlyList<Timex>> Timexes = new("timexes");
    public static readonly LayerKey<IReadOnlyList<ActorMention>> Actors = new("actors");
    public static readonly LayerKey<IReadOnlyList<PlaceMention>> Places = new("places");
    public static readonly LayerKey<IReadOnlyList<CodedEvent>> Events = new("events");
}
