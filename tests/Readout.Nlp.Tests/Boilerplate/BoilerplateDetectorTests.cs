using CsCheck;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Boilerplate;

namespace Readout.Nlp.Tests.Boilerplate;

public class BoilerplateDetectorTests
{
    private static readonly string[] Pieces =
    [
        "• Kyodo", "By ", "Jane Doe", ", Reuters", "TOKYO", " (AP) ", "—", " - ", "--", ", Oct. 3", "\n", "\n\n", "\r\n", " ",
        "Subscribe now", "Advertisement", "©", "All rights reserved.", "you", "our", "said", ".", "\uD800", "\uDC00", "\u0000", "\t",
    ];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.Char.Array[0, 200].Select(a => new string(a)),
        Gen.OneOf(Pieces).Array[0, 40].Select(a => string.Concat(a)),
        Gen.OneOf(Gen.Char.Array[0, 20].Select(a => new string(a)), Gen.OneOf(Pieces)).Array[0, 30].Select(a => string.Concat(a)));

    [Fact]
    public void Detect_ArbitraryText_RegionsInBoundsOrderedAndDisjoint()
    {
        Texts.Sample(text =>
        {
            var found = BoilerplateDetector.Detect(text);
            int previousEnd = 0;
            foreach (var region in found.Regions)
            {
                Assert.True(region.Span.Length > 0);
                Assert.True(region.Span.Start >= previousEnd, "regions are ordered and do not overlap");
                Assert.True(region.Span.End <= text.Length);
                previousEnd = region.Span.End;
            }
        });
    }

    [Fact]
    public void Process_ArbitraryText_TextUnchangedAndLayerSet()
    {
        var detector = new BoilerplateDetector();
        Texts.Sample(text =>
        {
            var doc = new Document("p", text);
            detector.Process(doc);
            Assert.Same(text, doc.Text);
            Assert.True(doc.Has(LayerKeys.Regions));
        });
    }

    [Fact]
    public void Process_BylineAndDateline_FillsMetadata()
    {
        var doc = new Document("d", "By Lena Berg\n\nOSLO (NTB) — Norway signed a defence pact with Finland on Monday.");

        new BoilerplateDetector().Process(doc);

        Assert.Equal("Lena Berg", doc.Metadata.Byline);
        Assert.Equal("OSLO", doc.Metadata.Dateline);
        Assert.Equal("NTB", doc.Metadata.Source);
        Assert.Equal(2, doc.Get(LayerKeys.Regions).Items.Count);
    }

    [Fact]
    public void Process_SourceAlreadyKnown_KeepsSource()
    {
        var doc = new Document("d", "• Yonhap\nSeoul protested the launch.", new DocumentMetadata { Source = "Example Wire" });

        new BoilerplateDetector().Process(doc);

        Assert.Equal("Example Wire", doc.Metadata.Source);
        Assert.Equal("Yonhap", doc.Metadata.Byline);
    }

    [Fact]
    public void Stage_Declaration_ProducesRegionsAndRequiresNothing()
    {
        var detector = new BoilerplateDetector();

        var pipeline = new PipelineBuilder().Add(detector).Build();

        Assert.Equal("boilerplate", detector.Name);
        Assert.Empty(detector.Requires);
        Assert.Equal([LayerKeys.Regions], detector.Produces);
        Assert.Single(pipeline.Stages);
    }

    [Theory]
    [InlineData("Subscribe to our newsletter for daily updates", false, true)]
    [InlineData("The ministry said subscriptions to the state broadcaster fell.", true, false)]
    [InlineData("Trusted journalism needs your support.", true, true)]
    [InlineData("The union said independent journalism was under threat in the country.", true, false)]
    public void Score_Line_ComparedWithThreshold(string line, bool trailing, bool boilerplate)
    {
        int threshold = trailing ? BoilerplateDetector.TrailingThreshold : BoilerplateDetector.InnerThreshold;

        Assert.Equal(boilerplate, BoilerplateDetector.Score(line, trailing) >= threshold);
    }
}
