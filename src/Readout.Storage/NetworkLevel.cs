namespace Readout.Storage;

/// <summary>What the nodes of an interaction network are.</summary>
public enum NetworkLevel
{
    /// <summary>Countries (ISO 3166-1 alpha-3) of the source and target actors.</summary>
    Country,

    /// <summary>Actors by canonical name.</summary>
    Actor,
}
