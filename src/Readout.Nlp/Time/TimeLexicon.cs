using System.Collections.Frozen;

namespace Readout.Nlp.Time;

/// <summary>The English words of time expressions, looked up case-insensitively without allocating.
/// Immutable after construction; shared by threads.</summary>
internal sealed class TimeLexicon
{
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TimeLexicon()
    {
        var d = new Dictionary<string, WordInfo>(StringComparer.OrdinalIgnoreCase);
        WordInfo E(string w)
        {
            if (!d.TryGetValue(w, out var info))
            {
                info = new WordInfo();
                d[w] = info;
            }

            return info;
        }

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[] monthAbbr = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (int m = 0; m < 12; m++)
        {
            var e = E(months[m]);
            e.Classes |= WordClass.Month;
            e.Month = m + 1;
            if (monthAbbr[m].Length > 0)
            {
                var a = E(monthAbbr[m] + ".");
                a.Classes |= WordClass.Month;
                a.Month = m + 1;
            }
        }

        var sept = E("sept.");
        sept.Classes |= WordClass.Month;
        sept.Month = 9;

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int i = 0; i < 7; i++)
        {
            var e = E(days[i]);
            e.Classes |= WordClass.Weekday;
            e.Weekday = i + 1;
            var p = E(days[i] + "s");
            p.Classes |= WordClass.Weekday;
            p.Weekday = i + 1;
            p.Plural = true;
        }

        void Unit(string w, TimeUnit u, bool plural = false)
        {
            var e = E(w);
            e.Classes |= WordClass.Unit;
            e.Unit = u;
            e.Plural = plural;
        }

        Unit("second", TimeUnit.Second);
        Unit("seconds", TimeUnit.Second, true);
        Unit("minute", TimeUnit.Minute);
        Unit("minutes", TimeUnit.Minute, true);
        Unit("hour", TimeUnit.Hour);
        Unit("hours", TimeUnit.Hour, true);
        Unit("day", TimeUnit.Day);
        Unit("days", TimeUnit.Day, true);
        Unit("weekend", TimeUnit.Weekend);
        Unit("weekends", TimeUnit.Weekend, true);
        Unit("week", TimeUnit.Week);
        Unit("weeks", TimeUnit.Week, true);
        Unit("fortnight", TimeUnit.Fortnight);
        Unit("month", TimeUnit.Month);
        Unit("months", TimeUnit.Month, true);
        Unit("quarter", TimeUnit.Quarter);
        Unit("quarters", TimeUnit.Quarter, true);
        Unit("half", TimeUnit.Half);
        Unit("year", TimeUnit.Year);
        Unit("years", TimeUnit.Year, true);
        Unit("decade", TimeUnit.Decade);
        Unit("decades", TimeUnit.Decade, true);
        Unit("century", TimeUnit.Century);
        Unit("centuries", TimeUnit.Century, true);

        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
        for (int i = 1; i < numbers.Length; i++)
        {
            var e = E(numbers[i]);
            e.Classes |= WordClass.Number;
            e.Number = i;
        }

        string[] tens = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            var e = E(tens[i]);
            e.Classes |= WordClass.Number | WordClass.Tens;
            e.Number = (i + 3) * 10;
        }

        E("twenty").Classes |= WordClass.Tens;
        foreach (var (w, n) in new[] { ("a", 1), ("an", 1), ("hundred", 100), ("dozen", 12), ("several", -1), ("few", -1), ("couple", 2), ("many", -1), ("some", -1) })
        {
            var e = E(w);
            e.Classes |= WordClass.Number;
            e.Number = n;
        }

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
        for (int i = 0; i < ordinals.Length; i++)
        {
            var e = E(ordinals[i]);
            e.Classes |= WordClass.Ordinal;
            e.Ordinal = i + 1;
        }

        foreach (var (w, n) in new[] { ("1st", 1), ("2nd", 2), ("3rd", 3), ("4th", 4) })
        {
            var e = E(w);
            e.Classes |= WordClass.Ordinal;
            e.Ordinal = n;
        }

        foreach (var (w, m) in new[] { ("spring", 3), ("summer", 6), ("fall", 9), ("autumn", 9), ("winter", 1) })
        {
            var e = E(w);
            e.Classes |= WordClass.Season;
            e.SeasonMonth = m;
        }

        foreach (var (w, p) in new[] { ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("overnight", "NI") })
        {
            var e = E(w);
            e.Classes |= WordClass.PartOfDay;
            e.PartOfDay = p;
        }

        foreach (var (w, x) in new[]
        {
            ("today", Deixis.Today), ("yesterday", Deixis.Yesterday), ("tomorrow", Deixis.Tomorrow), ("tonight", Deixis.Tonight),
            ("now", Deixis.PresentRef), ("currently", Deixis.PresentRef), ("current", Deixis.PresentRef), ("nowadays", Deixis.PresentRef),
            ("presently", Deixis.PresentRef), ("recently", Deixis.PastRef), ("recent", Deixis.PastRef), ("lately", Deixis.PastRef),
            // "previously", "formerly" and "soon" are left out, as in TimeBank, which annotates them almost never.
            ("previously", Deixis.None), ("formerly", Deixis.None), ("once", Deixis.None), ("soon", Deixis.None),
            ("future", Deixis.FutureRef), ("past", Deixis.PastRef),
        })
        {
            if (x == Deixis.None)
            {
                continue;
            }

            var e = E(w);
            e.Classes |= WordClass.Deictic;
            e.Deixis = x;
        }

        foreach (var (w, r) in new[]
        {
            ("this", Relation.This), ("last", Relation.Last), ("next", Relation.Next), ("past", Relation.Past),
            ("coming", Relation.Coming), ("previous", Relation.Previous), ("prior", Relation.Previous), ("following", Relation.Following),
            ("that", Relation.That), ("same", Relation.Same), ("latest", Relation.Latest), ("current", Relation.This),
            ("earlier", Relation.Earlier), ("later", Relation.Later), ("before", Relation.Earlier), ("after", Relation.Later),
            ("ago", Relation.Earlier), ("upcoming", Relation.Coming),
        })
        {
            var e = E(w);
            e.Classes |= WordClass.Relative;
            e.Relation = r;
        }

        foreach (var (w, m) in new[] { ("early", "START"), ("late", "END"), ("mid", "MID"), ("beginning", "START"), ("start", "START"), ("end", "END"), ("middle", "MID") })
        {
            var e = E(w);
            e.Classes |= WordClass.Position;
            e.Mod = m;
        }

        foreach (var (w, m) in new[]
        {
            // "about", "around", "over" and "within" are prepositions in TimeBank's extents and stay out.
            ("approximately", "APPROX"), ("roughly", "APPROX"), ("nearly", "APPROX"), ("almost", "APPROX"),
            ("more", "MORE_THAN"), ("less", "LESS_THAN"), ("fewer", "LESS_THAN"), ("least", "EQUAL_OR_MORE"), ("up", "EQUAL_OR_LESS"),
        })
        {
            var e = E(w);
            e.Classes |= WordClass.Approx;
            e.Mod = m;
        }

        foreach (var (w, v) in new[] { ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"), ("yearly", "P1Y"), ("quarterly", "P3M"), ("hourly", "PT1H"), ("nightly", "P1D"), ("biweekly", "P2W") })
        {
            var e = E(w);
            e.Classes |= WordClass.Set;
            e.SetValue = v;
        }

        foreach (var w in new[] { "in", "on", "since", "by", "until", "till", "from", "to", "through", "of", "during", "before", "after", "between", "and", "or", "at", "for", "throughout", "into", "as", "late", "early", "mid", "fiscal", "year", "than", "about", "around", "circa" })
        {
            E(w).Classes |= WordClass.Preposition;
        }

        foreach (var w in new[] { "will", "ll", "shall", "scheduled", "plans", "plan", "planning", "planned", "intends", "intend", "expected", "expects", "due", "would", "going", "upcoming", "hopes", "hope", "aims", "wants", "might", "may", "effective", "starting" })
        {
            E(w).Classes |= WordClass.Future;
        }

        foreach (var w in new[]
        {
            "was", "were", "had", "did", "ago", "met", "went", "came", "took", "gave", "made", "held", "began", "sent", "saw", "won", "lost", "left",
            "fell", "rose", "led", "paid", "sold", "bought", "spent", "struck", "fought", "found", "got", "kept", "brought", "became", "ran", "wrote",
            "spoke", "broke", "chose", "drove", "flew", "grew", "knew", "meant", "shot", "stood", "taught", "thought", "threw", "wore", "built", "felt",
            "heard", "quit", "shut", "split", "beat", "bore", "forgot", "hid", "lay", "slid", "swore", "tore", "woke",
        })
        {
            E(w).Classes |= WordClass.Past;
        }

        foreach (var w in new[] { "said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces", "stated", "added", "noted", "according" })
        {
            E(w).Classes |= WordClass.Reporting;
        }

        foreach (var w in new[] { "is", "are", "am", "has", "have", "does", "do" })
        {
            E(w).Classes |= WordClass.Present;
        }

        foreach (var (w, m, day) in new[] { ("christmas", 12, 25), ("thanksgiving", 11, 0), ("halloween", 10, 31), ("valentine", 2, 14), ("election", 11, -1) })
        {
            var e = E(w);
            e.Classes |= WordClass.Holiday;
            e.HolidayMonth = m;
            e.HolidayDay = day;
        }

        E("the").Classes |= WordClass.Determiner;

        // Words inside expressions that the start filter must see ("eight trading days", "the full year").
        foreach (var w in new[] { "trading", "business", "working", "additional", "oh", "thousand", "these", "while", "full", "comparable", "corresponding" })
        {
            E(w);
        }

        // Entry points the scan must stop at: "every week", "each year", "per month", "at noon".
        foreach (var w in new[] { "every", "each", "per", "noon", "midnight" })
        {
            E(w).Classes |= WordClass.Anchor;
        }

        foreach (var (w, info) in d)
        {
            const WordClass starts = WordClass.Month | WordClass.Weekday | WordClass.Unit | WordClass.Number | WordClass.Ordinal | WordClass.Season
                | WordClass.PartOfDay | WordClass.Deictic | WordClass.Relative | WordClass.Position | WordClass.Approx | WordClass.Set
                | WordClass.Holiday | WordClass.Determiner | WordClass.Anchor;
            if ((info.Classes & starts) != 0 || w is "at" or "no" or "up" or "fiscal" or "year" or "these")
            {
                info.Classes |= WordClass.Starter;
            }

            if ((info.Classes & (WordClass.Month | WordClass.Weekday | WordClass.Deictic | WordClass.Set | WordClass.Holiday | WordClass.Unit | WordClass.Anchor)) != 0)
            {
                info.Classes |= WordClass.Standalone;
            }
        }

        _lookup = d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public WordInfo? Lookup(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var info) ? info : null;
}
