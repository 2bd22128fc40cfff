namespace Readout.Core.Layers;

/// <summary>Which recognizer found an entity mention: the rules, the trained name model, or both (same span).</summary>
[Flags]
public enum EntitySources
{
    /// <summary>Not recorded (a layer other than the pipeline's entity layer).</summary>
    None = 0,
    Rules = 1,
    Model = 2,
    Both = Rules | Model,
}
