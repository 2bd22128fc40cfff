using CsCheck;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Actors;
using Readout.Nlp.Entities;
using Readout.Nlp.Sentences;
using Readout.Nlp.Tagging;
using Readout.Nlp.Tests.Samples;
using Readout.Nlp.Tokens;

namespace Readout.Nlp.Tests.Entities;

/// <summary>
/// How the entity stage combines the rules with the trained recognizer's names. The names are given here (what a
/// model might say), so the policy is tested apart from any model file.
/// </summary>
public class EntityMergerTests
{
    private static readonly EntityRecognizer Combined = new(StandardPipeline.Resources.KnowledgeBase, useNames: true);

    private static readonly EntityRecognizer RulesOnly = new(StandardPipeline.Resources.KnowledgeBase);

    /// <summary>Tokens, sentences and tags of <paramref name="text"/>, and the given names (in text order) as the model's layer.</summary>
    private static Document Prepared(string text, params (string Words, EntityKind Kind)[] names)
    {
        var doc = new Document("test", text);
        new Tokenizer().Process(doc);
        new SentenceSplitter().Process(doc);
        new PosTagger(StandardPipeline.Resources.PosModel).Process(doc);
        var tokens = doc.Get(LayerKeys.Tokens);
        var layer = new List<EntityMention>();
        int from = 0;
        foreach (var (words, kind) in names)
        {
            int start = text.IndexOf(words, from, StringComparison.Ordinal);
            from = start + words.Length;
            int first = Enumerable.Range(0, tokens.Count).First(t => tokens.Starts[t] == start);
            int end = Enumerable.Range(0, tokens.Count).First(t => tokens.Ends[t] == start + words.Length) + 1;
            layer.Add(new EntityMention(new TextSpan(start, words.Length), first, end, kind, words));
        }

        doc.Set(LayerKeys.NamedEntities, layer);
        return doc;
    }

    private static List<string> Mentions(Document doc) =>
        [.. doc.Get(LayerKeys.Entities).Select(e => $"{e.Kind} \"{e.Text}\" {e.Sources}")];

    [Fact]
    public void Process_TitledPersonAndTheModelsBareName_KeepsTheTitleFoundByBoth()
    {
        var doc = Prepared("Russian Deputy Prime Minister Arkady Dvorkovich arrived.", ("Arkady Dvorkovich", EntityKind.Person));

        Combined.Process(doc);

        Assert.Equal(["Person \"Russian Deputy Prime Minister Arkady Dvorkovich\" Both"], Mentions(doc));
    }

    [Fact]
    public void Process_ModelsLowerCaseName_OnlyAHyphenatedOneWithACapitalIsAdded()
    {
        var doc = Prepared("The attack was claimed by al-Qaeda, the joint command said.", ("al-Qaeda", EntityKind.Organization), ("joint command", EntityKind.Organization));

        Combined.Process(doc);

        Assert.Equal(["Organization \"al-Qaeda\" Model"], Mentions(doc));
    }

    [Fact]
    public void Process_NameWhereTheRulesFoundNothing_AddsTheModelsName()
    {
        var doc = Prepared("Officials met Zubkova on Monday.", ("Zubkova", EntityKind.Person));

        Combined.Process(doc);

        Assert.Equal(["Person \"Zubkova\" Model"], Mentions(doc));
        var rules = Prepared("Officials met Zubkova on Monday.");
        RulesOnly.Process(rules);
        Assert.Empty(rules.Get(LayerKeys.Entities));
    }

    [Fact]
    public void Process_RuleGuessAndModelDisagreeOnKind_TakesTheModelsKind()
    {
        // Two proper nouns are the rules' guess at a person.
        var rules = Prepared("They bought Adobe Acrobat yesterday.");
        RulesOnly.Process(rules);
        Assert.Equal(["Person \"Adobe Acrobat\" Rules"], Mentions(rules));

        var doc = Prepared("They bought Adobe Acrobat yesterday.", ("Adobe Acrobat", EntityKind.Organization));
        Combined.Process(doc);

        Assert.Equal(["Organization \"Adobe Acrobat\" Both"], Mentions(doc));
    }

    [Fact]
    public void Process_RuleGuessTheModelFindsNoNameIn_Dropped()
    {
        var rules = Prepared("They bought Adobe Acrobat yesterday.");
        RulesOnly.Process(rules);
        Assert.NotEmpty(rules.Get(LayerKeys.Entities));

        var doc = Prepared("They bought Adobe Acrobat yesterday.");
        Combined.Process(doc);

        Assert.Empty(doc.Get(LayerKeys.Entities));
    }

    [Fact]
    public void Process_OrganizationKeywordGuessTheModelMisses_Kept()
    {
        var doc = Prepared("South Korea's Unification Ministry rejected the threat.");

        Combined.Process(doc);

        Assert.Equal(["Country \"South Korea\" Rules", "Organization \"Unification Ministry\" Rules"], Mentions(doc));
    }

    [Fact]
    public void Process_ModelNameOverlapsAKnowledgeBaseOrganization_RulesWin()
    {
        var doc = Prepared("NATO ministers met in Brussels.", ("NATO ministers", EntityKind.Organization), ("Brussels", EntityKind.Place));

        Combined.Process(doc);

        Assert.Equal(["Organization \"NATO\" Rules", "Place \"Brussels\" Both"], Mentions(doc));
    }

    [Fact]
    public void Process_OrganizationNameAroundACountry_ReplacesItAndResolvesToThatCountry()
    {
        var doc = Prepared("Japan Airlines cut flights to Beijing.", ("Japan Airlines", EntityKind.Organization), ("Beijing", EntityKind.Place));

        Combined.Process(doc);
        new ActorResolver(StandardPipeline.Resources.KnowledgeBase).Process(doc);

        Assert.Equal(["Organization \"Japan Airlines\" Model", "Place \"Beijing\" Both"], Mentions(doc));
        var airline = doc.Get(LayerKeys.Actors).Single(a => a.Entity == 0);
        Assert.Equal(("JPN", "name-country"), (airline.Actor.Country, airline.Evidence));
    }

    [Fact]
    public void Process_ModelNationality_NationalityWordsStayWithTheRules()
    {
        var doc = Prepared("Chinese and Russian troops drilled.", ("Chinese", EntityKind.Nationality), ("Russian troops", EntityKind.Nationality));

        Combined.Process(doc);

        Assert.Equal(["Nationality \"Chinese\" Both", "Nationality \"Russian\" Rules"], Mentions(doc));
    }

    [Fact]
    public void Process_ModelCountryAsPlace_BecomesACountry()
    {
        // "If China" opens the sentence: the rules take the two words for one chain and find nothing.
        var doc = Prepared("If China attacks, Japan would act.", ("China", EntityKind.Place));

        Combined.Process(doc);

        Assert.Equal(["Country \"China\" Model", "Country \"Japan\" Rules"], Mentions(doc));
    }

    [Fact]
    public void Process_ModelOrganizationForTheSurnameOfAPersonNamedBefore_IsThatPerson()
    {
        var doc = Prepared("Hassan Nasrallah spoke on Friday. Supporters cheered Nasrallah 's speech.",
            ("Hassan Nasrallah", EntityKind.Person), ("Nasrallah", EntityKind.Organization));

        Combined.Process(doc);
        new ActorResolver(StandardPipeline.Resources.KnowledgeBase).Process(doc);

        Assert.Equal(["Person \"Hassan Nasrallah\" Model", "Person \"Nasrallah\" Model"], Mentions(doc));
        Assert.Equal("coref:Hassan Nasrallah", doc.Get(LayerKeys.Actors).Single(a => a.Entity == 1).Evidence);
    }

    [Fact]
    public void Process_ModelOrganizationOfOneUnknownWordAlone_KeptButMakesNoActor()
    {
        // Talukdar: a surname no list holds (Hasina, used here first, is now in the knowledge base).
        var doc = Prepared("Modi assured Talukdar that India would provide loans to Bangladesh.",
            ("Modi", EntityKind.Person), ("Talukdar", EntityKind.Organization), ("India", EntityKind.Place), ("Bangladesh", EntityKind.Place));

        Combined.Process(doc);
        new ActorResolver(StandardPipeline.Resources.KnowledgeBase).Process(doc);

        Assert.Contains("Organization \"Talukdar\" Model", Mentions(doc));
        int unknown = doc.Get(LayerKeys.Entities).ToList().FindIndex(e => e.Text == "Talukdar");
        Assert.DoesNotContain(doc.Get(LayerKeys.Actors), a => a.Entity == unknown);
        Assert.Contains(doc.Get(LayerKeys.Actors), a => doc.Get(LayerKeys.Entities)[a.Entity].Text == "Modi");
    }

    [Fact]
    public void Process_NameOutsideEverySentence_Skipped()
    {
        var doc = new Document("test", "Kyodo Kishida met Widodo.");
        new Tokenizer().Process(doc);
        var tokens = doc.Get(LayerKeys.Tokens);
        // An excluded byline: the sentence starts at the second token; the name tagger still reads the first.
        doc.Set(LayerKeys.Sentences, new SentenceTable([new Sentence(1, tokens.Count, TextSpan.FromBounds(tokens.Starts[1], tokens.Ends[^1]))]));
        new PosTagger(StandardPipeline.Resources.PosModel).Process(doc);
        doc.Set(LayerKeys.NamedEntities, [new EntityMention(new TextSpan(0, 5), 0, 1, EntityKind.Organization, "Kyodo"),
            new EntityMention(new TextSpan(6, 7), 1, 2, EntityKind.Person, "Kishida"), new EntityMention(new TextSpan(18, 6), 3, 4, EntityKind.Person, "Widodo")]);

        Combined.Process(doc);

        Assert.DoesNotContain(doc.Get(LayerKeys.Entities), e => e.Text == "Kyodo");
        Assert.Contains(doc.Get(LayerKeys.Entities), e => e.Text == "Widodo");
    }

    [Fact]
    public void Process_AnyText_MentionsInTextOrderInsideSentencesWithoutOverlap()
    {
        string[] words = ["Japan", "Airlines", "Russian", "Deputy", "Prime", "Minister", "Arkady", "Dvorkovich", "met", "the", "If", "China", "Gulf", "of", "Mexico", "NATO", "he", "said", ".", ",", "Unification", "Ministry"];
        var gen = Gen.Select(Gen.Int[0, words.Length - 1].Array[1, 25], Gen.Int[0, 3].Array[25], (ix, kinds) => (ix, kinds));
        gen.Sample(sample =>
        {
            var text = string.Join(' ', sample.ix.Select(i => words[i]));
            var doc = new Document("test", text);
            new Tokenizer().Process(doc);
            new SentenceSplitter().Process(doc);
            new PosTagger(StandardPipeline.Resources.PosModel).Process(doc);
            var tokens = doc.Get(LayerKeys.Tokens);
            // Arbitrary non-overlapping names of one or two capitalized tokens, of any kind.
            var names = new List<EntityMention>();
            for (int t = 0; t < tokens.Count; t++)
            {
                if (char.IsUpper(text[tokens.Starts[t]]))
                {
                    int end = t + 1 < tokens.Count && char.IsUpper(text[tokens.Starts[t + 1]]) ? t + 2 : t + 1;
                    var span = TextSpan.FromBounds(tokens.Starts[t], tokens.Ends[end - 1]);
                    names.Add(new EntityMention(span, t, end, (EntityKind)sample.kinds[t % 25], text[span.Start..span.End]));
                    t = end - 1;
                }
            }

            doc.Set(LayerKeys.NamedEntities, names);
            Combined.Process(doc);

            var sentences = doc.Get(LayerKeys.Sentences);
            int previousEnd = 0;
            foreach (var e in doc.Get(LayerKeys.Entities))
            {
                Assert.True(e.FirstToken >= previousEnd && e.EndToken > e.FirstToken, $"overlap or disorder: {text}");
                var s = sentences[sentences.IndexOfToken(e.FirstToken)];
                Assert.True(e.EndToken <= s.EndToken, $"crosses a sentence: {text}");
                Assert.NotEqual(EntitySources.None, e.Sources);
                previousEnd = e.EndToken;
            }
        }, iter: 300);
    }
}
