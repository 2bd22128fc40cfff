namespace Readout.Nlp.Knowledge;

/// <summary>A knowledge-base file has a malformed line. The message starts with <c>path:line:</c>.</summary>
public sealed class KnowledgeBaseFormatException : FormatException
{
    public KnowledgeBaseFormatException()
    {
        FilePath = string.Empty;
    }

    public KnowledgeBaseFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public KnowledgeBaseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    public KnowledgeBaseFormatException(string filePath, int lineNumber, string message)
        : base($"{filePath}:{lineNumber}: {message}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>The file that failed to parse.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number in <see cref="FilePath"/>; 0 when the problem is not on one line.</summary>
    public int LineNumber { get; }
}
