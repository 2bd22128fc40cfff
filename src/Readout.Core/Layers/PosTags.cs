namespace Readout.Core.Layers;

/// <summary>Part of speech and lemma per token, parallel to the <see cref="TokenTable"/>.</summary>
public sealed class PosTags
{
    public PosTags(Upos[] upos, string[] xpos, string[] lemmas)
    {
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(xpos);
        ArgumentNullException.ThrowIfNull(lemmas);
        Upos = upos;
        Xpos = xpos;
        Lemmas = lemmas;
    }

    public Upos[] Upos { get; }

    /// <summary>Penn Treebank tags.</summary>
    public string[] Xpos { get; }

    /// <summary>Lower-cased lemmas for open-class words; proper nouns keep their case.</summary>
    public string[] Lemmas { get; }
}
