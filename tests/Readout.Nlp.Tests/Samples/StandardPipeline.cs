using Readout.Core;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Tests.Samples;

/// <summary>The standard pipeline over the repository's data and models, loaded once for the tests that run whole documents.</summary>
internal static class StandardPipeline
{
    private static readonly Lazy<(NlpResources Resources, Pipeline Pipeline)> Loaded = new(() =>
    {
        var resources = ReadoutPipeline.Load(RepoPaths.Root);
        return (resources, ReadoutPipeline.Build(resources));
    });

    public static NlpResources Resources => Loaded.Value.Resources;

    public static Pipeline Pipeline => Loaded.Value.Pipeline;

    /// <summary>Runs the pipeline over <paramref name="text"/> published on <paramref name="published"/>; fails the test on a stage error.</summary>
    public static Document Run(string text, DateOnly? published, string? source = null, string? dateline = null)
    {
        var metadata = new DocumentMetadata
        {
            Published = published is { } p ? new DateTimeOffset(p.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Source = source,
            Dateline = dateline,
            Origin = "spec",
        };
        var doc = new Document("spec", text, metadata);
        Assert.True(Pipeline.Process(doc), string.Join("; ", doc.Diagnostics));
        return doc;
    }
}
