namespace Readout.Ingest;

/// <summary>The formats <see cref="ArticleReader"/> understands.</summary>
public enum InputFormat
{
    /// <summary>One article per file; metadata from options or a <c>NAME.meta.json</c> sidecar.</summary>
    PlainText,

    /// <summary>A web page; the main text is extracted.</summary>
    Html,

    /// <summary>One JSON object per line: <c>{"id","url","title","source","published","text"}</c>.</summary>
    JsonLines,

    /// <summary>An RSS or Atom feed; each item is an article.</summary>
    Feed,
}
