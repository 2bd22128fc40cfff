using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Places;

/// <summary>
/// Resolves place mentions to gazetteer entries (GeoNames cities and Readout's features); on
/// ambiguity the entry in the article's countries is preferred, then the most populous. Thread-safe.
/// </summary>
public sealed class PlaceResolver(KnowledgeBase kb) : IStage
{
    public string Name => "places";

    public IReadOnlyList<LayerKey> Requires => [LayerKeys.Entities, LayerKeys.Actors];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Places];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entities = document.Get(LayerKeys.Entities);
        var countries = document.Get(LayerKeys.Actors).Select(a => a.Actor.Country).Where(c => c is not null).ToHashSet();
        var places = new List<PlaceMention>();
        for (int i = 0; i < entities.Count; i++)
        {
            if (entities[i].Kind != EntityKind.Place)
            {
                continue;
            }

            var candidates = kb.FindPlaces(entities[i].Text);
            var best = candidates.OrderByDescending(p => countries.Contains(p.Country)).ThenByDescending(p => p.Population).FirstOrDefault();
            if (best is not null)
            {
                places.Add(new PlaceMention(i, best.Name, best.Country, best.Latitude, best.Longitude, best.Id));
            }
        }

        document.Set(LayerKeys.Places, places);
    }
}
