using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Sqlite;

/// <summary>A document's layers checked and gathered for writing: every span inside the text,
/// every entity index valid. Built before the transaction so bad input writes nothing.</summary>
internal sealed class ArticleRows
{
    private ArticleRows(Document document, string pipelineVersion)
    {
        Document = document;
        PipelineVersion = pipelineVersion;
        Key = ArticleIdentity.Key(document);
        Hash = ArticleIdentity.ContentHash(document);
        Text = LoneSurrogates.Replace(document.Text, out int replaced);
        ReplacedCharacters = replaced;
    }

    public Document Document { get; }

    public string PipelineVersion { get; }

    public string Key { get; }

    public string Hash { get; }

    /// <summary>The text as stored (lone surrogates as U+FFFD).</summary>
    public string Text { get; }

    public int ReplacedCharacters { get; }

    public IReadOnlyList<TextRegion> Regions { get; private set; } = [];

    public IReadOnlyList<Sentence> Sentences { get; private set; } = [];

    public IReadOnlyList<EntityMention> Entities { get; private set; } = [];

    /// <summary>Per entity, its actor (the first actor mention naming it), or null.</summary>
    public ActorMention?[] ActorOf { get; private set; } = [];

    public IReadOnlyList<PlaceMention> Places { get; private set; } = [];

    public IReadOnlyList<Timex> Timexes { get; private set; } = [];

    public IReadOnlyList<CodedEvent> Events { get; private set; } = [];

    /// <exception cref="ArgumentException">A span lies outside the text or an index is dangling.</exception>
    public static ArticleRows From(Document document, string pipelineVersion)
    {
        var rows = new ArticleRows(document, pipelineVersion);
        int length = document.Text.Length;
        if (document.TryGet(LayerKeys.Regions, out var regions))
        {
            rows.Regions = regions.Items;
            foreach (var r in regions.Items)
            {
                Check(r.Span, length, "excluded region");
            }
        }

        if (document.TryGet(LayerKeys.Sentences, out var sentences))
        {
            rows.Sentences = sentences.Items;
            foreach (var s in sentences.Items)
            {
                Check(s.Span, length, "sentence");
            }
        }

        if (document.TryGet(LayerKeys.Entities, out var entities))
        {
            rows.Entities = entities;
            rows.ActorOf = new ActorMention?[entities.Count];
            foreach (var e in entities)
            {
                Check(e.Span, length, $"entity '{e.Kind}'");
            }

            if (document.TryGet(LayerKeys.Actors, out var actors))
            {
                foreach (var a in actors)
                {
                    CheckEntity(a.Entity, entities.Count, "actor mention");
                    rows.ActorOf[a.Entity] ??= a;
                }
            }

            if (document.TryGet(LayerKeys.Places, out var places))
            {
                rows.Places = places;
                foreach (var p in places)
                {
                    CheckEntity(p.Entity, entities.Count, "place mention");
                }
            }
        }

        if (document.TryGet(LayerKeys.Timexes, out var timexes))
        {
            rows.Timexes = timexes;
            foreach (var t in timexes)
            {
                Check(t.Span, length, "time expression");
            }
        }

        if (document.TryGet(LayerKeys.Events, out var events))
        {
            rows.Events = events;
            foreach (var e in events)
            {
                string what = $"event '{e.Id}'";
                Check(e.Evidence, length, what + " evidence");
                Check(e.Trigger, length, what + " trigger");
                if (e.Source is { } s)
                {
                    Check(s.Span, length, what + " source");
                }

                if (e.Target is { } t)
                {
                    Check(t.Span, length, what + " target");
                }

                if (e.Attribution is { } at)
                {
                    Check(at.Span, length, what + " attribution");
                }

                foreach (var more in e.MoreEvidence)
                {
                    Check(more, length, what + " evidence");
                }
            }
        }

        return rows;
    }

    /// <summary>The index of the sentence containing <paramref name="offset"/>, or null.</summary>
    public int? SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = Sentences[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return null;
    }

    private static void Check(TextSpan span, int length, string what)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > length)
        {
            throw new ArgumentException($"The {what} span {span} lies outside the text (length {length}).");
        }
    }

    private static void CheckEntity(int index, int count, string what)
    {
        if (index < 0 || index >= count)
        {
            throw new ArgumentException($"A {what} refers to entity {index}; the document has {count}.");
        }
    }
}
