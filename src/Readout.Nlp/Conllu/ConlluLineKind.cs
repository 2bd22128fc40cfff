namespace Readout.Nlp.Conllu;

/// <summary>The kinds of line kept from a CoNLL-U input read for prediction.</summary>
public enum ConlluLineKind
{
    /// <summary>A comment line (<c># …</c>), kept verbatim.</summary>
    Comment,

    /// <summary>A syntactic word: only its ID and FORM were read.</summary>
    Word,

    /// <summary>A multiword token range (<c>3-4</c>): ID and FORM kept.</summary>
    Range,

    /// <summary>An empty node (<c>5.1</c>): ID and FORM kept.</summary>
    EmptyNode,
}
