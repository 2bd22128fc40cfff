namespace Readout.Core.Layers;

/// <summary>Regions of the text that later stages must not code, sorted by start.</summary>
public sealed class ExcludedRegions(IReadOnlyList<TextRegion> regions)
{
    public IReadOnlyList<TextRegion> Items { get; } = regions;

    public bool IsExcluded(int offset)
    {
        foreach (var r in Items)
        {
            if (r.Span.Contains(offset))
            {
                return true;
            }
        }

        return false;
    }
}
