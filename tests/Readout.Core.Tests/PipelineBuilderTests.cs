using Readout.Core;
using Readout.Core.Pipeline;

namespace Readout.Core.Tests;

public class PipelineBuilderTests
{
    private static readonly LayerKey<string> A = new("a");
    private static readonly LayerKey<string> B = new("b");

    private sealed class Stage(string name, LayerKey[] requires, LayerKey<string>[] produces, bool fail = false) : IStage
    {
        public string Name => name;

        public IReadOnlyList<LayerKey> Requires => requires;

        public IReadOnlyList<LayerKey> Produces => produces;

        public void Process(Document document)
        {
            if (fail)
            {
                throw new InvalidOperationException("boom");
            }

            foreach (var p in produces)
            {
                document.Set(p, name);
            }
        }
    }

    [Fact]
    public void Build_MissingInput_Throws()
    {
        var builder = new PipelineBuilder().Add(new Stage("needs-a", [A], [B]));
        var ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("requires layer 'a'", ex.Message);
    }

    [Fact]
    public void Build_LayerProducedTwice_Throws()
    {
        var builder = new PipelineBuilder().Add(new Stage("one", [], [A])).Add(new Stage("two", [], [A]));
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Process_StagesInOrder_SetsLayers()
    {
        var pipeline = new PipelineBuilder().Add(new Stage("one", [], [A])).Add(new Stage("two", [A], [B])).Build();
        var doc = new Document("d", "text");
        Assert.True(pipeline.Process(doc));
        Assert.Equal("one", doc.Get(A));
        Assert.Equal("two", doc.Get(B));
    }

    [Fact]
    public void Process_StageThrows_RecordsDiagnosticAndStops()
    {
        var pipeline = new PipelineBuilder().Add(new Stage("bad", [], [A], fail: true)).Add(new Stage("two", [], [B])).Build();
        var doc = new Document("d", "text");
        Assert.False(pipeline.Process(doc));
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("bad", d.Stage);
        Assert.False(doc.Has(B));
    }

    [Fact]
    public void Replace_SwapsStageProducingSameLayer()
    {
        var pipeline = new PipelineBuilder().Add(new Stage("old", [], [A])).Replace(new Stage("new", [], [A])).Build();
        var doc = new Document("d", "t");
        pipeline.Process(doc);
        Assert.Equal("new", doc.Get(A));
    }

    [Fact]
    public void Set_Twice_Throws()
    {
        var doc = new Document("d", "t");
        doc.Set(A, "x");
        Assert.Throws<InvalidOperationException>(() => doc.Set(A, "y"));
    }
}
