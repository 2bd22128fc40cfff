namespace Readout.Nlp.Ner;

/// <summary>How a gold span was missed or a predicted span was wrong (exact-span scoring).</summary>
public enum NerErrorClass
{
    /// <summary>Same tokens, wrong kind.</summary>
    Type,

    /// <summary>Overlaps a prediction of the same kind with other boundaries.</summary>
    Boundary,

    /// <summary>Overlaps a prediction with other boundaries and another kind.</summary>
    BoundaryAndType,

    /// <summary>Gold span no prediction overlaps.</summary>
    Missed,

    /// <summary>Predicted span no gold span overlaps.</summary>
    Spurious,
}
