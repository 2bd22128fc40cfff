using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Time;

namespace Readout.Nlp.Tests.Time;

public sealed class TimeNormalizerTests
{
    private static readonly DateTimeOffset Sunday = new(2016, 10, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Process_PublishedDocument_ResolvesAndSnapsToTokens()
    {
        var doc = Tokenized("The envoy will visit Tokyo on Dec. 15. The ministers met on Sunday.", Sunday);
        new TimeNormalizer().Process(doc);

        var timexes = doc.Get(LayerKeys.Timexes);
        Assert.Equal(2, timexes.Count);
        var tokens = doc.Get(LayerKeys.Tokens);
        Assert.Equal("Dec. 15", timexes[0].Text);
        Assert.Equal("2016-12-15", timexes[0].Value);
        Assert.Equal(timexes[0].Span.Start, tokens.Starts[timexes[0].FirstToken]);
        Assert.Equal(timexes[0].Span.End, tokens.Ends[timexes[0].EndToken - 1]);
        Assert.Equal("Sunday", timexes[1].Text);
        Assert.Equal("2016-10-02", timexes[1].Value);
        Assert.Equal(TimexType.Date, timexes[1].Type);
    }

    [Fact]
    public void Process_NoPublicationDate_KeepsValuesUnderspecified()
    {
        var doc = Tokenized("The envoy will visit Tokyo on Dec. 15.", null);
        new TimeNormalizer().Process(doc);

        Assert.Equal("XXXX-12-15", Assert.Single(doc.Get(LayerKeys.Timexes)).Value);
    }

    [Fact]
    public void Process_ExpressionInExcludedRegion_IsSkipped()
    {
        const string text = "Talks ended on Friday. Subscribe today for full access.";
        var doc = Tokenized(text, Sunday);
        int boiler = text.IndexOf("Subscribe", StringComparison.Ordinal);
        doc.Set(LayerKeys.Regions, new ExcludedRegions([new TextRegion(TextSpan.FromBounds(boiler, text.Length), RegionKind.Boilerplate)]));
        new TimeNormalizer().Process(doc);

        var timex = Assert.Single(doc.Get(LayerKeys.Timexes));
        Assert.Equal("Friday", timex.Text);
        Assert.Equal("2016-09-30", timex.Value);
    }

    [Fact]
    public void Process_PosLayerMarksFuture_WeekdayPointsAhead()
    {
        var doc = Tokenized("Leaders convene on Friday.", Sunday);
        var tokens = doc.Get(LayerKeys.Tokens);
        var xpos = new string[tokens.Count];
        var lemmas = new string[tokens.Count];
        Array.Fill(xpos, "NN");
        Array.Fill(lemmas, "x");
        xpos[0] = "MD";
        lemmas[0] = "will";
        doc.Set(LayerKeys.PartsOfSpeech, new PosTags(new Upos[tokens.Count], xpos, lemmas));
        new TimeNormalizer().Process(doc);

        Assert.Equal("2016-10-07", Assert.Single(doc.Get(LayerKeys.Timexes)).Value);
    }

    [Fact]
    public void Process_WithoutPosLayer_WeekdayWithoutTenseLooksBack()
    {
        var doc = Tokenized("Leaders convene on Friday.", Sunday);
        new TimeNormalizer().Process(doc);

        Assert.Equal("2016-09-30", Assert.Single(doc.Get(LayerKeys.Timexes)).Value);
    }

    [Fact]
    public void Process_TokenWiderThanExpression_WidensToWholeToken()
    {
        // A tokenizer may keep "decades-old" as one token; the timex covers the whole token.
        const string text = "The decades-old dispute flared.";
        int start = text.IndexOf("decades-old", StringComparison.Ordinal);
        var tokens = new TokenTable([0, start, start + 12, 27, 30], [3, start + 11, 23, 30, 31]);
        var doc = new Document("d", text, new DocumentMetadata { Published = Sunday });
        doc.Set(LayerKeys.Tokens, tokens);
        doc.Set(LayerKeys.Sentences, new SentenceTable([new Sentence(0, 5, TextSpan.FromBounds(0, text.Length))]));
        new TimeNormalizer().Process(doc);

        var timex = Assert.Single(doc.Get(LayerKeys.Timexes));
        Assert.Equal("decades-old", timex.Text);
        Assert.Equal((1, 2), (timex.FirstToken, timex.EndToken));
        Assert.Equal(TimexType.Duration, timex.Type);
        Assert.Equal("PXDE", timex.Value);
    }

    [Fact]
    public void Stage_Declaration_RequiresTokensAndSentences()
    {
        var stage = new TimeNormalizer();
        Assert.Equal("time", stage.Name);
        Assert.Contains(LayerKeys.Tokens, stage.Requires);
        Assert.Contains(LayerKeys.Sentences, stage.Requires);
        Assert.Equal([LayerKeys.Timexes], stage.Produces);
    }

    /// <summary>A stand-in for the real tokenizer: letter/digit runs and single punctuation marks;
    /// sentences end after ". ".</summary>
    internal static Document Tokenized(string text, DateTimeOffset? published)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int s = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            starts.Add(s);
            ends.Add(i);
        }

        var sentences = new List<Sentence>();
        int first = 0;
        for (int t = 0; t < starts.Count; t++)
        {
            bool end = t == starts.Count - 1 || (text[starts[t]] == '.' && ends[t] < text.Length && text[ends[t]] == ' ' && !IsAbbreviation(text, starts, ends, t));
            if (end)
            {
                sentences.Add(new Sentence(first, t + 1, TextSpan.FromBounds(starts[first], ends[t])));
                first = t + 1;
            }
        }

        var doc = new Document("d", text, new DocumentMetadata { Published = published });
        doc.Set(LayerKeys.Tokens, new TokenTable([.. starts], [.. ends]));
        doc.Set(LayerKeys.Sentences, new SentenceTable(sentences));
        return doc;
    }

    private static bool IsAbbreviation(string text, List<int> starts, List<int> ends, int t) =>
        t > 0 && text[starts[t - 1]..ends[t - 1]] is "Dec" or "Jan" or "Feb" or "Aug" or "Sept" or "Oct" or "Nov";
}
