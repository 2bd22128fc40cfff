namespace Readout.Core;

/// <summary>
/// One article and the layers the pipeline adds to it. The text is never altered: every
/// offset in every layer is a UTF-16 index into <see cref="Text"/>. Layers are write-once.
/// A document is processed by one thread at a time.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<LayerKey, object> _layers = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public Document(string id, string text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Metadata = metadata ?? new DocumentMetadata();
    }

    public string Id { get; }

    public string Text { get; }

    public DocumentMetadata Metadata { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _diagnostics.Add(diagnostic);
    }

    public bool Has(LayerKey key) => _layers.ContainsKey(key);

    /// <summary>Adds a layer. Throws if the layer was already set: layers are write-once.</summary>
    public void Set<T>(LayerKey<T> key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_layers.TryAdd(key, value))
        {
            throw new InvalidOperationException($"Layer '{key.Name}' is already set on document '{Id}'.");
        }
    }

    /// <summary>Returns a layer; throws if a stage that produces it has not run.</summary>
    public T Get<T>(LayerKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return _layers.TryGetValue(key, out var value)
            ? (T)value
            : throw new InvalidOperationException($"Layer '{key.Name}' has not been produced for document '{Id}'.");
    }

    public bool TryGet<T>(LayerKey<T> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_layers.TryGetValue(key, out var v))
        {
            value = (T)v;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The text of a span.</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
