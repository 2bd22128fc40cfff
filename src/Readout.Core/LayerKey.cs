namespace Readout.Core;

/// <summary>Identifies a typed, write-once layer of a <see cref="Document"/>.</summary>
public abstract class LayerKey
{
    private protected LayerKey(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>A layer holding a value of type <typeparamref name="T"/>.</summary>
public sealed class LayerKey<T> : LayerKey
    where T : class
{
    public LayerKey(string name)
        : base(name)
    {
    }
}
