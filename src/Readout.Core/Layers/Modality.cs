namespace Readout.Core.Layers;

public enum Modality
{
    /// <summary>Reported as having happened or happening.</summary>
    Asserted,

    /// <summary>Scheduled or announced for the future ("will visit").</summary>
    Planned,

    /// <summary>Hoped for, sought, proposed ("hopes to").</summary>
    Intended,

    /// <summary>Conditional or possible ("if", "could").</summary>
    Hypothetical,

    /// <summary>Reported as not having happened ("did not meet").</summary>
    Negated,
}
