using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Tests;

/// <summary>Hand-built documents with every layer set, for store tests. The texts are invented.</summary>
internal static class TestArticles
{
    public const string Text =
        "OSLO (Wire Agency) — Japanese Foreign Minister Taro Sato met Russian envoy Ivan Petrov in Oslo on Sunday, the ministry said. " +
        "Sato will travel to Moscow in December for talks on fisheries. " +
        "Subscribe today to read every story.";

    /// <summary>The article above as the pipeline would leave it: two events, one planned and month-dated.</summary>
    public static Document Full(string url = "https://example.test/news/1", string text = Text, string? title = "Sato meets Petrov")
    {
        var doc = new Document("wire-1", text, new DocumentMetadata
        {
            Source = "Wire Agency",
            Url = url,
            Title = title,
            Published = new DateTimeOffset(2016, 10, 3, 9, 30, 0, TimeSpan.FromHours(9)),
            Byline = "Wire Agency",
            Dateline = "OSLO",
            Origin = "wire.jsonl",
        });
        if (text != Text)
        {
            return doc;
        }

        int s1End = text.IndexOf("said.", StringComparison.Ordinal) + 5;
        int s2Start = text.IndexOf("Sato will", StringComparison.Ordinal);
        int s2End = text.IndexOf("fisheries.", StringComparison.Ordinal) + 10;
        int boiler = text.IndexOf("Subscribe", StringComparison.Ordinal);
        doc.Set(LayerKeys.Regions, new ExcludedRegions(
        [
            new TextRegion(Span(text, "OSLO (Wire Agency) —"), RegionKind.Dateline, "OSLO"),
            new TextRegion(TextSpan.FromBounds(boiler, text.Length), RegionKind.Boilerplate),
        ]));
        doc.Set(LayerKeys.Sentences, new SentenceTable(
        [
            new Sentence(4, 22, TextSpan.FromBounds(21, s1End)),
            new Sentence(22, 35, TextSpan.FromBounds(s2Start, s2End)),
        ]));
        EntityMention Entity(string words, EntityKind kind, int first, int count) => new(Span(text, words), first, first + count, kind, words);
        var entities = new List<EntityMention>
        {
            Entity("Japanese", EntityKind.Nationality, 4, 1),
            Entity("Taro Sato", EntityKind.Person, 7, 2),
            Entity("Russian", EntityKind.Nationality, 10, 1),
            Entity("Ivan Petrov", EntityKind.Person, 12, 2),
            Entity("Oslo", EntityKind.Place, 15, 1),
            Entity("Moscow", EntityKind.Place, 26, 1),
        };
        doc.Set(LayerKeys.Entities, entities);
        var sato = new Actor("Taro Sato", "JPN", "GOV", "Foreign Minister");
        var petrov = new Actor("Ivan Petrov", "RUS", "GOV", "envoy");
        doc.Set(LayerKeys.Actors,
        [
            new ActorMention(1, sato, "title"),
            new ActorMention(3, petrov, "demonym"),
        ]);
        doc.Set(LayerKeys.Places,
        [
            new PlaceMention(4, "Oslo", "NOR", 59.91273, 10.74609, "3143244"),
            new PlaceMention(5, "Moscow", "RUS", 55.75222, 37.61556, null),
        ]);
        doc.Set(LayerKeys.Timexes,
        [
            new Timex(Span(text, "Sunday"), 17, 18, "Sunday", TimexType.Date, "2016-10-02"),
            new Timex(Span(text, "December"), 28, 29, "December", TimexType.Date, "2016-12", "START"),
        ]);
        var ministry = new EventArgument("the ministry", Span(text, "the ministry"), new Actor("Foreign Ministry", "JPN", "GOV", null));
        doc.Set(LayerKeys.Events,
        [
            new CodedEvent
            {
                Id = "e1",
                Type = EventType.Consult,
                Mode = "meet",
                Context = "diplomatic",
                Cameo = "040",
                Source = new EventArgument("Taro Sato", Span(text, "Taro Sato"), sato),
                Target = new EventArgument("Ivan Petrov", Span(text, "Ivan Petrov"), petrov),
                Attribution = ministry,
                Date = "2016-10-02",
                DatePrecision = DatePrecision.Day,
                DateSource = "text",
                Location = new EventLocation("Oslo", "NOR", 59.91273, 10.74609),
                Modality = Modality.Asserted,
                Sentence = 0,
                Evidence = TextSpan.FromBounds(21, s1End),
                Trigger = Span(text, "met"),
                Rule = "lexicon:meet/subj-obj",
                Confidence = 0.875,
                MoreEvidence = [Span(text, "talks on fisheries")],
            },
            new CodedEvent
            {
                Id = "e2",
                Type = EventType.Consult,
                Mode = "visit",
                Cameo = "042",
                Source = new EventArgument("Sato", Span(text, "Sato will") with { Length = 4 }, sato),
                Target = null,
                Date = "2016-12",
                DatePrecision = DatePrecision.Month,
                DateSource = "text",
                Location = new EventLocation("Moscow", "RUS", null, null),
                Modality = Modality.Planned,
                Sentence = 1,
                Evidence = TextSpan.FromBounds(s2Start, s2End),
                Trigger = Span(text, "travel"),
                Rule = "lexicon:travel/subj-to",
                Confidence = 0.5,
            },
        ]);
        return doc;
    }

    /// <summary>A one-sentence article with one event, for filter tests.</summary>
    public static Document OneEvent(
        string url,
        string sentence,
        EventType type,
        string? sourceName,
        string? sourceCountry,
        string? targetName,
        string? targetCountry,
        string? date,
        Modality modality = Modality.Asserted)
    {
        var doc = new Document(url, sentence, new DocumentMetadata { Source = "Test", Url = url, Title = url });
        var whole = new TextSpan(0, sentence.Length);
        doc.Set(LayerKeys.Sentences, new SentenceTable([new Sentence(0, 1, whole)]));
        doc.Set(LayerKeys.Events,
        [
            new CodedEvent
            {
                Id = "e1",
                Type = type,
                Cameo = "010",
                Source = sourceName is null ? null : new EventArgument(sourceName, whole, new Actor(sourceName, sourceCountry, "GOV", null)),
                Target = targetName is null ? null : new EventArgument(targetName, whole, new Actor(targetName, targetCountry, "GOV", null)),
                Date = date,
                DatePrecision = date is null ? DatePrecision.None : date.Length == 10 ? DatePrecision.Day : DatePrecision.Month,
                Modality = modality,
                Sentence = 0,
                Evidence = whole,
                Trigger = new TextSpan(0, 1),
                Rule = "test",
                Confidence = 1,
            },
        ]);
        return doc;
    }

    public static TextSpan Span(string text, string words)
    {
        int i = text.IndexOf(words, StringComparison.Ordinal);
        return i < 0 ? throw new ArgumentException($"'{words}' is not in the text.", nameof(words)) : new TextSpan(i, words.Length);
    }
}
