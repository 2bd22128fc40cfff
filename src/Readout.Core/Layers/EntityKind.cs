namespace Readout.Core.Layers;

public enum EntityKind
{
    Person,
    Organization,

    /// <summary>Cities, regions, geographic features.</summary>
    Place,

    /// <summary>A country by name ("Japan") or as a government by metonymy ("Tokyo" resolves through actors).</summary>
    Country,

    /// <summary>A nationality word ("Russian", "Japanese").</summary>
    Nationality,

    /// <summary>A description that denotes an actor ("the Russian leader", "the ministry").</summary>
    Nominal,

    /// <summary>A pronoun resolved to an actor.</summary>
    Pronoun,
}
