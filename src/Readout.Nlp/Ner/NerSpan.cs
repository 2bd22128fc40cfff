using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>A name span over sentence tokens <c>[Start, End)</c>: Person, Organization, Place or Nationality.</summary>
public readonly record struct NerSpan(int Start, int End, EntityKind Kind);
