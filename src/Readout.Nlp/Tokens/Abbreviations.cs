using System.Collections.Frozen;

namespace Readout.Nlp.Tokens;

/// <summary>Words that keep their period: titles, months, and other common news abbreviations.</summary>
public static class Abbreviations
{
    /// <summary>Abbreviations (without the period) that never end a sentence in news text: a name or number follows.</summary>
    public static readonly FrozenSet<string> NeverFinal = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
        "Sgt", "Cpl", "Pvt", "Rev", "Fr", "Sr", "Jr", "St", "Pres", "Amb", "Supt", "Insp", "Hon", "Mt", "Ft",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "No", "Nos", "Vol", "vs", "v", "approx", "ca", "cf", "e.g", "i.e", "Ave", "Blvd", "Rd", "Fig",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that may end a sentence ("… based in the U.S. The …").</summary>
    public static readonly FrozenSet<string> MaybeFinal = FrozenSet.ToFrozenSet(
    [
        "Inc", "Co", "Corp", "Ltd", "Bros", "etc", "al", "a.m", "p.m", "Jr", "Sr", "Esq", "Plc", "LLC", "Ph.D",
    ], StringComparer.Ordinal);

    /// <summary>Hyphenated prefixes kept as one token with the word ("non-stop", "co-operation").</summary>
    public static readonly FrozenSet<string> HyphenPrefixes = FrozenSet.ToFrozenSet(
    [
        "non", "pre", "post", "anti", "co", "ex", "re", "self", "pro", "semi", "multi", "inter", "mid", "e", "x",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Sentence openers that, after a possible-final abbreviation, signal a new sentence.</summary>
    public static readonly FrozenSet<string> SentenceStarters = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "But", "And", "This", "That", "There",
        "Its", "His", "Her", "Their", "Our", "At", "After", "Before", "When", "While", "As", "If", "Officials", "However",
    ], StringComparer.Ordinal);
}
