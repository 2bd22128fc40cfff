using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Readout.Ingest;

/// <summary>
/// Plain text of HTML: white space collapsed inside blocks, one blank line between block
/// elements (paragraphs, headings, list items, divs, line breaks), scripts and styles dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "section", "article", "header", "footer", "figure", "figcaption", "table", "tr", "pre", "hr", "dd", "dt",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg",
    };

    /// <summary>Parses an HTML fragment (a feed description) and returns its text.</summary>
    public static string FromFragment(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        var sb = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Append(node, sb);
        }

        return Finish(sb);
    }

    /// <summary>The text of an element.</summary>
    public static string FromElement(IElement element)
    {
        var sb = new StringBuilder();
        Append(element, sb);
        return Finish(sb);
    }

    private static void Append(INode node, StringBuilder sb)
    {
        switch (node)
        {
            case IText text:
                foreach (char c in text.Data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
                        {
                            sb.Append(' ');
                        }
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }

                break;
            case IElement element when Dropped.Contains(element.LocalName):
                break;
            case IElement element:
                bool block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    Break(sb);
                }

                foreach (var child in element.ChildNodes)
                {
                    Append(child, sb);
                }

                if (block)
                {
                    Break(sb);
                }

                break;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Append(child, sb);
                }

                break;
        }
    }

    /// <summary>Ends the current block with a blank line (once).</summary>
    private static void Break(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append("\n\n");
        }
    }

    private static string Finish(StringBuilder sb) => sb.ToString().Trim();
}
