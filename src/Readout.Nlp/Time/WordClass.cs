namespace Readout.Nlp.Time;

/// <summary>What a word can be in a time expression (a word can be several things: "second", "May").</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Month = 1 << 0,
    Weekday = 1 << 1,
    Unit = 1 << 2,
    Number = 1 << 3,
    Ordinal = 1 << 4,
    Season = 1 << 5,
    PartOfDay = 1 << 6,
    Deictic = 1 << 7,
    Relative = 1 << 8,
    Position = 1 << 9,
    Approx = 1 << 10,
    Set = 1 << 11,
    Preposition = 1 << 12,
    Future = 1 << 13,
    Past = 1 << 14,
    Present = 1 << 15,
    Reporting = 1 << 16,
    Anchor = 1 << 17,
    Holiday = 1 << 18,
    Determiner = 1 << 19,
    Tens = 1 << 20,

    /// <summary>Can start a time expression.</summary>
    Starter = 1 << 21,

    /// <summary>Can be a time expression on its own ("Friday", "today", "daily", "years").</summary>
    Standalone = 1 << 22,
}

internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

internal enum Deixis : byte
{
    None,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    PresentRef,
    PastRef,
    FutureRef,
}

/// <summary>"last", "next", "this" …: which way a relative expression points.</summary>
internal enum Relation : byte
{
    None,
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    That,
    Same,
    Latest,
    Earlier,
    Later,
}

/// <summary>One lexicon entry. Values are per class: month 1–12, weekday ISO 1–7, number value
/// (-1 for "several", "few"), ordinal value, season month (3, 6, 9, 1), part of day code.</summary>
internal sealed class WordInfo
{
    public WordClass Classes { get; set; }

    public int Month { get; set; }

    public int Weekday { get; set; }

    public TimeUnit Unit { get; set; }

    public bool Plural { get; set; }

    public int Number { get; set; }

    public int Ordinal { get; set; }

    public int SeasonMonth { get; set; }

    public string? PartOfDay { get; set; }

    public Deixis Deixis { get; set; }

    public Relation Relation { get; set; }

    public string? Mod { get; set; }

    public string? SetValue { get; set; }

    public int HolidayMonth { get; set; }

    public int HolidayDay { get; set; }

    public bool Is(WordClass c) => (Classes & c) != 0;
}
