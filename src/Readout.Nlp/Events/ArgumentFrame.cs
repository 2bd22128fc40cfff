namespace Readout.Nlp.Events;

/// <summary>
/// Where an event's source and target are found: <c>subj&gt;obj</c> (subject acts on object),
/// <c>subj&gt;with</c> (target after "with"), <c>subj=with</c> / <c>subj=</c> (symmetric, the target
/// after "with" or coordinated with the subject), <c>poss&gt;to</c> / <c>by&gt;to</c> (event nouns), <c>obj&gt;subj</c>
/// (the object acts on the subject: "Vietnam hosted Albanese" is Albanese's visit to Vietnam, as PLOVER codes hosting).
/// </summary>
/// <param name="SourceSlot">"subj", "obj", "poss" or "by".</param>
/// <param name="TargetSlot">"obj", "subj", "coord" (coordinated subject), or a preposition.</param>
public sealed record ArgumentFrame(string SourceSlot, string TargetSlot, bool Symmetric)
{
    public static ArgumentFrame Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sym = text.IndexOf('=', StringComparison.Ordinal);
        int dir = text.IndexOf('>', StringComparison.Ordinal);
        int at = sym >= 0 ? sym : dir;
        if (at <= 0)
        {
            throw new FormatException($"Frame '{text}' must look like subj>obj, subj=with or poss>to.");
        }

        string source = text[..at];
        string target = text[(at + 1)..];
        if (source is not ("subj" or "obj" or "poss" or "by"))
        {
            throw new FormatException($"Frame '{text}': source slot must be subj, obj, poss or by.");
        }

        return new ArgumentFrame(source, target.Length == 0 ? "coord" : target, sym >= 0);
    }

    public override string ToString() => SourceSlot + (Symmetric ? "=" : ">") + (TargetSlot == "coord" ? string.Empty : TargetSlot);
}
