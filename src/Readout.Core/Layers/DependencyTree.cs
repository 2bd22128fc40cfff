namespace Readout.Core.Layers;

/// <summary>
/// Dependency heads and relations per token. <c>Heads[i]</c> is a document-level token index,
/// or -1 for a sentence root; heads never cross sentence boundaries. Relations are UD labels
/// with subtypes ("nsubj:pass").
/// </summary>
public sealed class DependencyTree
{
    public DependencyTree(int[] heads, string[] relations)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(relations);
        Heads = heads;
        Relations = relations;
    }

    public int[] Heads { get; }

    public string[] Relations { get; }
}
