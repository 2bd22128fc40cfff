namespace Readout.Core.Layers;

public enum RegionKind
{
    /// <summary>"• Kyodo", "By Jane Doe".</summary>
    Byline,

    /// <summary>"TOKYO (Reuters) —": the place and agency opening the first paragraph.</summary>
    Dateline,

    /// <summary>Publisher boilerplate: subscription appeals, share buttons, copyright lines.</summary>
    Boilerplate,
}

/// <summary>A part of the text kept in the store but excluded from coding.</summary>
/// <param name="Value">What the region says, normalized: the byline's source, the dateline's place.</param>
public sealed record TextRegion(TextSpan Span, RegionKind Kind, string? Value = null);
