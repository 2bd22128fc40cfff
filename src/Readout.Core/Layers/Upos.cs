namespace Readout.Core.Layers;

/// <summary>Universal Dependencies part-of-speech tags (the UD names, upper case).</summary>
#pragma warning disable CA1707, CA1008 // the UD tag names are the contract
public enum Upos : byte
{
    X,
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
}
#pragma warning restore CA1707, CA1008
