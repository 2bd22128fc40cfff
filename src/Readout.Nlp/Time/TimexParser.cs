using System.Globalization;
using Readout.Core.Layers;

namespace Readout.Nlp.Time;

/// <summary>One recognized expression before it becomes a <see cref="TimexMatch"/>: token range
/// <c>[First, End)</c> of the scan, type, value, modifier, and the calendar point for anaphora.</summary>
internal record struct Candidate(int First, int End, TimexType Type, string Value, string? Mod, TimePoint? Point, Tense Tense);

/// <summary>
/// Hand-written recursive descent over the scan tokens of one call. Each <c>Try…</c> method
/// reads from a token index and, on success, returns the candidate covering the longest
/// reading it knows. Not thread-safe; one instance per call.
/// </summary>
internal sealed class TimexParser(string text, List<TextToken> tokens, TimeContext context)
{
    private readonly string _text = text;
    private readonly List<TextToken> _t = tokens;
    private readonly TimeContext _context = context;

    private DateOnly? Ref => _context.ReferenceDate;

    public bool TryParse(int i, out Candidate c)
    {
        try
        {
            return TryApprox(i, out c) || TryCore(i, out c);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Arithmetic past the ends of the calendar ("9000 years ago" near year 1): no value, no expression.
            c = default;
            return false;
        }
    }

    // ---- prefixes -------------------------------------------------------------------------

    /// <summary>"about two weeks", "more than four decades ago", "at least 72 hours".</summary>
    private bool TryApprox(int i, out Candidate c)
    {
        c = default;
        string? mod = null;
        int j = i;
        if (IsWord(j, "at") && IsWord(j + 1, "least"))
        {
            mod = "EQUAL_OR_MORE";
            j += 2;
        }
        else if (IsWord(j, "no") && IsWord(j + 1, "more") && IsWord(j + 2, "than"))
        {
            mod = "EQUAL_OR_LESS";
            j += 3;
        }
        else if (IsWord(j, "up") && IsWord(j + 1, "to"))
        {
            mod = "EQUAL_OR_LESS";
            j += 2;
        }
        else if ((IsWord(j, "more") || IsWord(j, "less") || IsWord(j, "fewer")) && IsWord(j + 1, "than"))
        {
            mod = IsWord(j, "more") ? "MORE_THAN" : "LESS_THAN";
            j += 2;
        }
        else if (Info(j) is { } info && info.Is(WordClass.Approx) && !IsWord(j, "more") && !IsWord(j, "less") && !IsWord(j, "least") && !IsWord(j, "up"))
        {
            mod = info.Mod;
            j += 1;
        }

        if (mod is null || j >= _t.Count)
        {
            return false;
        }

        // Only quantities take these modifiers: "about two weeks", not "about Friday".
        if (!StartsQuantity(j) && !(IsWord(j, "the") && StartsQuantity(j + 1)))
        {
            return false;
        }

        if (!TryCore(j, out c))
        {
            return false;
        }

        c = c with { First = i, Mod = c.Mod ?? mod };
        return true;
    }

    private bool StartsQuantity(int j)
    {
        if (j >= _t.Count)
        {
            return false;
        }

        var t = _t[j];
        return t.Kind == TokenKind.Digits || (t.Info is { } info && (info.Is(WordClass.Number) || (info.Is(WordClass.Relative) && info.Relation is Relation.Past or Relation.Last or Relation.Next)));
    }

    private bool TryCore(int i, out Candidate best)
    {
        best = default;
        bool found = false;
        void Take(bool ok, in Candidate c, ref Candidate b)
        {
            if (ok && (!found || c.End > b.End))
            {
                b = c;
                found = true;
            }
        }

        Take(TryPositioned(i, out var c1), c1, ref best);
        Take(TryDate(i, out var c2), c2, ref best);
        Take(TryQuantity(i, out var c3), c3, ref best);
        Take(TrySet(i, out var c4), c4, ref best);
        Take(TryClock(i, out var c5), c5, ref best);
        return found;
    }

    /// <summary>"early next year", "late November", "mid-1996", "the end of 1990", "earlier this month".</summary>
    private bool TryPositioned(int i, out Candidate c)
    {
        c = default;
        int j = i;
        string? mod;
        if (IsWord(j, "the") && Info(j + 1) is { } pi && pi.Is(WordClass.Position) && (IsWord(j + 2, "of") || (IsWord(j + 1, "end") == false && IsWord(j + 1, "beginning") == false && IsWord(j + 1, "start") == false && IsWord(j + 1, "middle") == false)))
        {
            mod = pi.Mod;
            j += IsWord(j + 2, "of") ? 3 : 2;
            if (IsPunct(j, '-') && Adjacent(j - 1, j))
            {
                j++;
            }

            if (IsWord(j, "the") && !IsWord(i + 1, "end") && !IsWord(i + 1, "beginning") && !IsWord(i + 1, "start") && !IsWord(i + 1, "middle"))
            {
                return false;
            }
        }
        else if (Info(j) is { } info && info.Is(WordClass.Position) && !IsWord(j, "end") && !IsWord(j, "start") && !IsWord(j, "middle") && !IsWord(j, "beginning"))
        {
            mod = info.Mod;
            j++;
            if (IsPunct(j, '-') && Adjacent(j - 1, j))
            {
                j++;
            }
            else if (IsWord(j, "in") && IsWord(j + 1, "the"))
            {
                // "early in the year"
                j += 2;
                if (Info(j) is { } u && u.Is(WordClass.Unit) && !u.Plural && u.Unit is TimeUnit.Year or TimeUnit.Month or TimeUnit.Week or TimeUnit.Day)
                {
                    var p = AnchorOrRef(u.Unit);
                    c = Make(i, j + 1, p, mod);
                    return true;
                }

                return false;
            }
        }
        else if ((IsWord(j, "earlier") || IsWord(j, "later")) && (IsWord(j + 1, "this") || IsWord(j + 1, "last") || IsWord(j + 1, "next") || (IsWord(j + 1, "in") && IsWord(j + 2, "the"))
            || (IsWord(j + 1, "that") && (IsWord(j + 2, "year") || IsWord(j + 2, "month") || IsWord(j + 2, "week") || IsWord(j + 2, "day")))))
        {
            // "earlier that day" is a time before the one just told on the same day, not the day's start.
            mod = IsWord(j + 1, "that") && IsWord(j + 2, "day") ? null : IsWord(j, "earlier") ? "START" : "END";
            j++;
            if (IsWord(j, "in"))
            {
                j += 2;
                if (Info(j) is { } u && u.Is(WordClass.Unit) && !u.Plural && u.Unit is TimeUnit.Year or TimeUnit.Month or TimeUnit.Week or TimeUnit.Day)
                {
                    c = Make(i, j + 1, AnchorOrRef(u.Unit), mod);
                    return true;
                }

                return false;
            }
        }
        else
        {
            return false;
        }

        if (!TryDate(j, out var inner) || inner.Type == TimexType.Duration || inner.Type == TimexType.Set || inner.Value.EndsWith("_REF", StringComparison.Ordinal))
        {
            return false;
        }

        c = inner with { First = i, Mod = mod };
        return true;
    }

    // ---- dates ----------------------------------------------------------------------------

    private bool TryDate(int i, out Candidate best)
    {
        best = default;
        bool found = false;
        void Take(bool ok, in Candidate c, ref Candidate b)
        {
            if (ok && (!found || c.End > b.End))
            {
                b = c;
                found = true;
            }
        }

        Take(TryDeictic(i, out var a), a, ref best);
        Take(TryRelative(i, out var b2), b2, ref best);
        Take(TryMonth(i, out var m), m, ref best);
        Take(TryDayMonth(i, out var dm), dm, ref best);
        Take(TryWeekday(i, out var w), w, ref best);
        Take(TryYear(i, out var y), y, ref best);
        Take(TryQuarter(i, out var q), q, ref best);
        Take(TrySeason(i, out var s), s, ref best);
        Take(TryAnaphoric(i, out var an), an, ref best);
        Take(TryHoliday(i, out var h), h, ref best);
        return found;
    }

    /// <summary>"today", "yesterday morning", "now", "recently", "the future", "tonight".</summary>
    private bool TryDeictic(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        if (IsWord(j, "near") && IsWord(j + 1, "future"))
        {
            j++;
        }

        if (!the && IsWord(j, "these") && IsWord(j + 1, "days") && !IsPunct(j + 2, '-'))
        {
            // "these days": the present, as "nowadays".
            c = new Candidate(i, j + 2, TimexType.Date, "PRESENT_REF", null, null, Tense.Present);
            return true;
        }

        if (!the && Info(j) is { } before && before.Is(WordClass.PartOfDay) && Info(j + 1) is { } dayAfter && dayAfter.Is(WordClass.Deictic)
            && dayAfter.Deixis is Deixis.Today or Deixis.Yesterday or Deixis.Tomorrow)
        {
            // "afternoon yesterday" (after "mid-", "late" …): the part of that day, as "yesterday afternoon".
            int shift = dayAfter.Deixis switch { Deixis.Yesterday => -1, Deixis.Tomorrow => 1, _ => 0 };
            TimePoint? day = Ref is { } rp ? new TimePoint(rp.AddDays(shift), Granularity.Day) : null;
            c = new Candidate(i, j + 2, TimexType.Time, (day?.ToTimexValue() ?? "XXXX-XX-XX") + "T" + before.PartOfDay, null, day, Tense.Unknown);
            return true;
        }

        if (Info(j) is not { } info || !info.Is(WordClass.Deictic))
        {
            return false;
        }

        switch (info.Deixis)
        {
            case Deixis.Today or Deixis.Yesterday or Deixis.Tomorrow or Deixis.Tonight:
            {
                if (the)
                {
                    return false;
                }

                int shift = info.Deixis switch { Deixis.Yesterday => -1, Deixis.Tomorrow => 1, _ => 0 };
                int end = j + 1;
                string? part = info.Deixis == Deixis.Tonight ? "NI" : null;
                if (part is null && Info(end) is { } pd && pd.Is(WordClass.PartOfDay))
                {
                    part = pd.PartOfDay;
                    end++;
                }

                if (Ref is { } r)
                {
                    var day = r.AddDays(shift);
                    var p = new TimePoint(day, Granularity.Day);
                    c = part is null
                        ? Make(i, end, p, null)
                        : new Candidate(i, end, TimexType.Time, p.ToTimexValue() + "T" + part, null, p, Tense.Unknown);
                }
                else
                {
                    c = new Candidate(i, end, part is null ? TimexType.Date : TimexType.Time, part is null ? "XXXX-XX-XX" : "XXXX-XX-XXT" + part, null, null, Tense.Unknown);
                }

                return true;
            }

            case Deixis.PresentRef:
                if (the || ((IsWord(j, "current") || IsWord(j, "now")) && FollowedByTimeNoun(j + 1)))
                {
                    return false;
                }

                if (IsWord(j, "current") && (IsWord(j + 1, "account") || IsWord(j + 1, "accounts") || IsWord(j + 1, "affairs") || IsWord(j + 1, "events")))
                {
                    // Fixed terms ("current account deficit"), not a reference to the present.
                    return false;
                }

                c = new Candidate(i, j + 1, TimexType.Date, "PRESENT_REF", null, null, Tense.Present);
                return true;
            case Deixis.PastRef:
                if (IsWord(j, "past"))
                {
                    if (!the || FollowedByTimeNoun(j + 1) || StartsQuantity(j + 1))
                    {
                        return false;
                    }
                }
                else if (the)
                {
                    return false;
                }

                int e = j + 1;
                if (IsWord(j, "recent") && Info(e) is { } u && u.Is(WordClass.Unit) && u.Plural)
                {
                    // "in recent years", "recent weeks": an unspecified stretch up to now, as "the past few years".
                    c = new Candidate(i, e + 1, TimexType.Duration, DurationValue(-1, u.Unit), null, null, Tense.Past);
                    return true;
                }
                else if (IsWord(j, "recent") && !NextIsWord(j + 1))
                {
                    return false;
                }

                c = new Candidate(i, e, TimexType.Date, "PAST_REF", null, null, Tense.Past);
                return true;
            case Deixis.FutureRef:
                if (IsWord(j, "future") && !(the || IsWord(j - 1, "near")))
                {
                    return false;
                }

                if (IsWord(j, "soon") && the)
                {
                    return false;
                }

                c = new Candidate(i, j + 1, TimexType.Date, "FUTURE_REF", null, null, Tense.Future);
                return true;
            default:
                return false;
        }
    }

    /// <summary>"last year", "this week", "next month", "last Friday", "this fall", "the past year", "the same day".</summary>
    private bool TryRelative(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        if (Info(j) is not { } rel || !rel.Is(WordClass.Relative) || rel.Relation is Relation.Earlier or Relation.Later)
        {
            return false;
        }

        var r = rel.Relation;
        if (the && r is Relation.This or Relation.That && !IsWord(j, "current"))
        {
            return false;
        }

        if (!the && r is Relation.Same or Relation.Latest or Relation.Past or Relation.Previous or Relation.Following)
        {
            return false;
        }

        int k = j + 1;
        if (IsWord(k, "fiscal"))
        {
            k++;
        }

        if (Info(k) is not { } w)
        {
            return false;
        }

        // "last week's", "this year's" keep the possessive out.
        if (w.Is(WordClass.Unit) && !w.Plural && w.Unit is not (TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour or TimeUnit.Half or TimeUnit.Fortnight))
        {
            if (IsPunct(k + 1, '-') && Adjacent(k, k + 1))
            {
                return false;
            }

            if (the && r is Relation.Past or Relation.Last && w.Unit is TimeUnit.Decade or TimeUnit.Century)
            {
                // "the past decade" is the ten years up to now, not the 1990s.
                c = new Candidate(i, k + 1, TimexType.Duration, DurationValue(1, w.Unit), null, null, Tense.Unknown);
                return true;
            }

            var p = RelativeUnit(r, w.Unit, the);
            if (p is null && Ref is not null && r is not (Relation.That or Relation.Same))
            {
                return false;
            }

            if (!the && r == Relation.Last && w.Unit == TimeUnit.Year && Ref is { } today
                && _context.LastMentioned is { Granularity: Granularity.Quarter or Granularity.Half } period && period.Date.Year == today.Year
                && IsComparison(i, k + 1))
            {
                // "a loss of $23 million, compared with earnings of $33 million last year", after "the latest quarter":
                // the same quarter a year before. A comparison period does not become the period under discussion.
                var same = new TimePoint(period.Date.AddYears(-1), period.Granularity);
                c = new Candidate(i, k + 1, TimexType.Date, same.ToTimexValue(), null, null, Tense.Unknown);
                return true;
            }

            c = p is { } pt ? Make(i, k + 1, pt, null) : new Candidate(i, k + 1, TimexType.Date, Underspecified(Gran(w.Unit)), null, null, Tense.Unknown);
            return true;
        }

        if (the || r is Relation.Latest or Relation.Same)
        {
            return false;
        }

        if (w.Is(WordClass.Month) && k < _t.Count && _t[k].Upper && !IsAbbreviation(k))
        {
            int month = w.Month;
            if (Ref is not { } rd)
            {
                c = new Candidate(i, k + 1, TimexType.Date, "XXXX-" + Two(month), null, null, Tense.Unknown);
                return true;
            }

            int year = r switch
            {
                Relation.Last or Relation.Past or Relation.Previous => month < rd.Month ? rd.Year : rd.Year - 1,
                Relation.Next or Relation.Coming or Relation.Following => month > rd.Month ? rd.Year : rd.Year + 1,
                _ => rd.Year,
            };
            c = Make(i, k + 1, new TimePoint(new DateOnly(year, month, 1), Granularity.Month), null);
            return true;
        }

        if (w.Is(WordClass.Weekday) && !w.Plural && _t[k].Upper)
        {
            int wd = w.Weekday;
            if (Ref is not { } rd)
            {
                c = new Candidate(i, k + 1, TimexType.Date, "XXXX-WXX-" + wd.ToString(CultureInfo.InvariantCulture), null, null, Tense.Unknown);
                return true;
            }

            int cur = IsoDay(rd);
            DateOnly day = r switch
            {
                Relation.Last or Relation.Past or Relation.Previous => rd.AddDays(-(((cur - wd + 6) % 7) + 1)),
                Relation.Next or Relation.Coming or Relation.Following => rd.AddDays(((wd - cur + 6) % 7) + 1),
                _ => rd.AddDays(wd - cur),
            };
            int end = k + 1;
            string? part = null;
            if (Info(end) is { } pd && pd.Is(WordClass.PartOfDay))
            {
                part = pd.PartOfDay;
                end++;
            }

            var p = new TimePoint(day, Granularity.Day);
            c = new Candidate(i, end, TimexType.Date, p.ToTimexValue(), null, p, Tense.Unknown);
            return true;
        }

        if (w.Is(WordClass.Season))
        {
            if (Ref is not { } rd)
            {
                c = new Candidate(i, k + 1, TimexType.Date, "XXXX-" + SeasonCode(w.SeasonMonth), null, null, Tense.Unknown);
                return true;
            }

            int cur = SeasonIndex(rd.Month);
            int target = SeasonIndex(w.SeasonMonth);
            int year = r switch
            {
                Relation.Last or Relation.Past or Relation.Previous => target < cur ? rd.Year : rd.Year - 1,
                Relation.Next or Relation.Coming or Relation.Following => target > cur ? rd.Year : rd.Year + 1,
                _ => rd.Year,
            };
            c = Make(i, k + 1, new TimePoint(new DateOnly(year, w.SeasonMonth, 1), Granularity.Season), null);
            return true;
        }

        if (w.Is(WordClass.PartOfDay) && (r is Relation.This || (r is Relation.Last && w.PartOfDay is "NI" or "EV")))
        {
            // "this morning", "last night"
            var value = Ref is { } rd ? new TimePoint(rd.AddDays(r is Relation.Last ? -1 : 0), Granularity.Day).ToTimexValue() : "XXXX-XX-XX";
            c = new Candidate(i, k + 1, TimexType.Time, value + "T" + w.PartOfDay, null, null, Tense.Unknown);
            return true;
        }

        return false;
    }

    private TimePoint? RelativeUnit(Relation r, TimeUnit unit, bool the)
    {
        var g = Gran(unit);
        if (r is Relation.That or Relation.Same)
        {
            if (_context.LastMentioned is { } last && last.Granularity <= g)
            {
                return new TimePoint(last.Date, g);
            }

            return Ref is { } rr ? new TimePoint(rr, g) : null;
        }

        if (Ref is not { } rd)
        {
            return null;
        }

        if (r == Relation.Latest)
        {
            // "the latest quarter": the last complete one.
            if (_context.LastMentioned is { } last && last.Granularity == g)
            {
                return last;
            }

            return new TimePoint(Shift(rd, unit, -1), g);
        }

        if (the && r is Relation.Following or Relation.Next or Relation.Previous && _context.LastMentioned is { } anchor && anchor.Granularity <= g)
        {
            // "the following week", "the previous year": relative to the last date mentioned.
            return new TimePoint(Shift(anchor.Date, unit, r == Relation.Previous ? -1 : 1), g);
        }

        int n = r switch
        {
            Relation.Last or Relation.Past or Relation.Previous => -1,
            Relation.Next or Relation.Coming or Relation.Following => 1,
            _ => 0,
        };
        return new TimePoint(Shift(rd, unit, n), g);
    }

    /// <summary>"December", "Dec. 15", "Dec. 15, 2016", "December 2016", "May 5".</summary>
    private bool TryMonth(int i, out Candidate c)
    {
        c = default;
        if (Info(i) is not { } info || !info.Is(WordClass.Month) || !_t[i].Upper)
        {
            return false;
        }

        int month = info.Month;
        int end = i + 1;
        int day = 0;
        int year = 0;
        if (DayNumber(end, out int d, out int afterDay))
        {
            day = d;
            end = afterDay;
            if (IsPunct(end, ',') && YearNumber(end + 1, out int y1))
            {
                year = y1;
                end += 2;
            }
            else if (YearNumber(end, out int y2) && !IsPunct(end - 1, ','))
            {
                year = y2;
                end++;
            }
        }
        else if (YearNumber(end, out int y))
        {
            year = y;
            end++;
        }
        else if (SpelledYear(end, out int ys, out int afterYear))
        {
            // "January nineteen ninety-seven" (transcripts).
            year = ys;
            end = afterYear;
        }
        else if (IsPunct(end, ',') && YearNumber(end + 1, out int y3))
        {
            year = y3;
            end += 2;
        }
        else if (IsWord(end, "of") && YearNumber(end + 1, out int y4))
        {
            year = y4;
            end += 2;
        }

        // "January this year", "June 5 last year", "April of next year": one expression, the year named by its relation.
        int rel = IsWord(end, "of") ? end + 1 : end;
        int relShift = 0;
        bool relativeYear = year == 0 && YearShift(rel, out relShift) && !IsPunct(rel + 2, '\'') && !IsPunct(rel + 2, '-');
        if (relativeYear)
        {
            end = rel + 2;
            if (Ref is { } now)
            {
                year = now.Year + relShift;
            }
        }

        if (day == 0 && year == 0 && !relativeYear && !MonthAloneIsDate(i))
        {
            return false;
        }

        if (day > DateTime.DaysInMonth(year == 0 ? 2000 : year, month))
        {
            return false;
        }

        c = ResolveMonthDay(i, end, year, month, day);
        return true;
    }

    /// <summary>"15 December 2016", "the 15th of December".</summary>
    private bool TryDayMonth(int i, out Candidate c)
    {
        c = default;
        int j = i;
        if (IsWord(j, "the") && _t.Count > j + 1 && _t[j + 1].Kind == TokenKind.Digits)
        {
            j++;
        }

        if (!DayNumber(j, out int day, out int k))
        {
            return false;
        }

        if (IsWord(k, "of"))
        {
            k++;
        }

        if (Info(k) is not { } info || !info.Is(WordClass.Month) || !_t[k].Upper)
        {
            return false;
        }

        int end = k + 1;
        int year = 0;
        if (IsPunct(end, ',') && YearNumber(end + 1, out int y1))
        {
            year = y1;
            end += 2;
        }
        else if (YearNumber(end, out int y2))
        {
            year = y2;
            end++;
        }

        if (day > DateTime.DaysInMonth(year == 0 ? 2000 : year, info.Month))
        {
            return false;
        }

        c = ResolveMonthDay(i, end, year, info.Month, day);
        return true;
    }

    private Candidate ResolveMonthDay(int first, int end, int year, int month, int day)
    {
        var tense = Tense.Unknown;
        if (year == 0)
        {
            if (Ref is not { } rd)
            {
                string v = day > 0 ? "XXXX-" + Two(month) + "-" + Two(day) : "XXXX-" + Two(month);
                return new Candidate(first, end, TimexType.Date, v, null, null, Tense.Unknown);
            }

            tense = TenseAround(first, end);
            year = ChooseYear(rd, month, day, tense);
        }

        var p = day > 0 ? new TimePoint(SafeDate(year, month, day), Granularity.Day) : new TimePoint(new DateOnly(year, month, 1), Granularity.Month);
        return new Candidate(first, end, TimexType.Date, p.ToTimexValue(), null, p, tense);
    }

    /// <summary>
    /// The year of a month or day named without one: the past tense takes the last such month or day
    /// (a day up to two months ahead, a month one ahead still count, since tense guesses fail on reported plans), the
    /// future the next one, and no tense the nearest.
    /// </summary>
    private static int ChooseYear(DateOnly rd, int month, int day, Tense tense)
    {
        int best = rd.Year;
        long bestScore = long.MaxValue;
        for (int y = rd.Year - 1; y <= rd.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                continue;
            }

            long delta = day > 0
                ? SafeDate(y, month, day).DayNumber - rd.DayNumber
                : ((y * 12) + month - ((rd.Year * 12) + rd.Month)) * 30L;
            bool ok = tense switch
            {
                Tense.Past => delta <= (day > 0 ? 62 : 30),
                Tense.Future => delta >= (day > 0 ? -62 : -30),
                _ => true,
            };
            long score = ok ? Math.Abs(delta) : long.MaxValue - 1;
            if (score < bestScore)
            {
                bestScore = score;
                best = y;
            }
        }

        return best;
    }

    /// <summary>"Friday", "Friday, Oct. 23", "Friday morning", "Fridays" (a set).</summary>
    private bool TryWeekday(int i, out Candidate c)
    {
        c = default;
        if (Info(i) is not { } info || !info.Is(WordClass.Weekday) || !_t[i].Upper || !WeekdayIsDate(i))
        {
            return false;
        }

        string wd = info.Weekday.ToString(CultureInfo.InvariantCulture);
        if (info.Plural)
        {
            if (!(IsWord(i - 1, "on") || IsWord(i - 1, "every")))
            {
                return false;
            }

            c = new Candidate(i, i + 1, TimexType.Set, "XXXX-WXX-" + wd, null, null, Tense.Unknown);
            return true;
        }

        // "on Tuesday nights": a set, with the part of the day.
        string? setPart = IsWord(i + 1, "mornings") ? "MO" : IsWord(i + 1, "afternoons") ? "AF" : IsWord(i + 1, "evenings") ? "EV" : IsWord(i + 1, "nights") ? "NI" : null;
        if (setPart is not null)
        {
            c = new Candidate(i, i + 2, TimexType.Set, "XXXX-WXX-" + wd + "T" + setPart, null, null, Tense.Unknown);
            return true;
        }

        // "Friday, Oct. 23" — the explicit date wins.
        int k = IsPunct(i + 1, ',') ? i + 2 : i + 1;
        if (TryMonth(k, out var md) && md.Value.Length >= 10)
        {
            c = md with { First = i };
            return true;
        }

        int end = i + 1;
        if (Info(end) is { } pd && pd.Is(WordClass.PartOfDay))
        {
            end++;
        }

        if (Ref is not { } rd)
        {
            c = new Candidate(i, end, TimexType.Date, "XXXX-WXX-" + wd, null, null, Tense.Unknown);
            return true;
        }

        var tense = DeferredTo(i) ? Tense.Future : TenseAround(i, end);
        int cur = IsoDay(rd);
        int target = info.Weekday;
        int ahead = (target - cur + 7) % 7;
        int back = (cur - target + 7) % 7;
        DateOnly day = tense == Tense.Future || (tense == Tense.Unknown && ahead < back)
            ? rd.AddDays(ahead)
            : rd.AddDays(-back);
        var p = new TimePoint(day, Granularity.Day);
        // "Friday night" keeps the day's value: TempEval-3 data mostly gives these the date alone (or tags
        // "Friday" only), although the TIMEX3 guidelines would write 1998-08-07TNI.
        c = new Candidate(i, end, TimexType.Date, p.ToTimexValue(), null, p, tense);
        return true;
    }

    /// <summary>"1990", "fiscal 1989", "the 1990s", "'90s", "the year 2000".</summary>
    private bool TryYear(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        if (IsWord(j, "fiscal"))
        {
            j++;
        }

        if (IsWord(j, "year") && _t.Count > j + 1 && _t[j + 1].Kind == TokenKind.Digits)
        {
            j++;
        }

        // Decades: "1990s", "'90s", "the 1990s".
        if (j < _t.Count && _t[j].Kind == TokenKind.Digits && IsWord(j + 1, "s") && Adjacent(j, j + 1))
        {
            int n = _t[j].Number;
            int len = _t[j].Length;
            int decade = len == 4 && n % 10 == 0 && n >= 1000 && n < 2100 ? n
                : len == 2 && n % 10 == 0 && IsPunct(j - 1, '\'') ? (n >= 30 ? 1900 + n : 2000 + n) : -1;
            if (decade < 0)
            {
                return false;
            }

            // "the 1990s" keeps its article; "'90s" its apostrophe.
            int first = the ? i : len == 2 ? j - 1 : j;

            var p = new TimePoint(new DateOnly(decade, 1, 1), Granularity.Decade);
            c = new Candidate(first, j + 2, TimexType.Date, p.ToTimexValue(), null, p, Tense.Unknown);
            return true;
        }

        if (IsPunct(j, '\'') && j + 1 < _t.Count && _t[j + 1].Kind == TokenKind.Digits && _t[j + 1].Length == 2 && IsWord(j + 2, "s") && Adjacent(j + 1, j + 2))
        {
            int n = _t[j + 1].Number;
            if (n % 10 != 0)
            {
                return false;
            }

            var p = new TimePoint(new DateOnly(n >= 30 ? 1900 + n : 2000 + n, 1, 1), Granularity.Decade);
            c = new Candidate(i, j + 3, TimexType.Date, p.ToTimexValue(), null, p, Tense.Unknown);
            return true;
        }

        int js = IsWord(j, "year") ? j + 1 : j;
        if (SpelledYear(js, out int spelled, out int afterSpelled))
        {
            // "nineteen seventy-nine", "the year two thousand".
            var sp = new TimePoint(new DateOnly(spelled, 1, 1), Granularity.Year);
            c = new Candidate(js > j ? i : js, afterSpelled, TimexType.Date, sp.ToTimexValue(), null, sp, Tense.Unknown);
            return true;
        }

        if (!YearNumber(j, out int year) || !StandaloneYearOk(j, j > i))
        {
            return false;
        }

        int end = j + 1;
        if (the && !(IsWord(i + 1, "fiscal") || IsWord(i + 1, "year")))
        {
            // "the 1990 budget": the year alone.
            i = j;
        }

        // "1990 first quarter" is read by TryQuarter.
        var pt = new TimePoint(new DateOnly(year, 1, 1), Granularity.Year);
        c = new Candidate(i, end, TimexType.Date, pt.ToTimexValue(), null, pt, Tense.Unknown);
        return true;
    }

    /// <summary>"the third quarter", "third-quarter", "the first half of 1990", "the fiscal first quarter",
    /// "the quarter", "the year-ago quarter", "this year's third quarter".</summary>
    private bool TryQuarter(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        int year = 0;
        int shiftYears = 0;
        bool anaphoricYearAgo = false;
        bool latest = false;
        if (the && (IsWord(j, "latest") || IsWord(j, "comparable") || IsWord(j, "same") || IsWord(j, "corresponding")))
        {
            latest = true;
            j++;
        }

        if (YearNumber(j, out int y0) && (IsQuarterWord(j + 1) || IsOrdinal(j + 1) || IsWord(j + 1, "fiscal")))
        {
            year = y0;
            j++;
        }
        else if (YearShift(j, out int possessiveShift) && IsPunct(j + 2, '\'') && IsWord(j + 3, "s"))
        {
            shiftYears = possessiveShift;
            j += 4;
            if (!IsOrdinal(j) && !IsWord(j, "fiscal"))
            {
                return false;
            }
        }
        else if (IsWord(j, "year") && IsPunct(j + 1, '-') && (IsWord(j + 2, "ago") || IsWord(j + 2, "earlier")))
        {
            anaphoricYearAgo = true;
            j += 3;
        }

        if (IsWord(j, "fiscal"))
        {
            j++;
        }

        if (IsWord(j, "year") && IsPunct(j + 1, '-') && (IsWord(j + 2, "ago") || IsWord(j + 2, "earlier")))
        {
            anaphoricYearAgo = true;
            j += 3;
        }

        int ordinal = 0;
        if (IsOrdinal(j) || (IsWord(j, "last") && (IsWord(j + 1, "half") || IsWord(j + 1, "quarter")) && IsWord(j + 2, "of")))
        {
            ordinal = IsWord(j, "last") ? (IsWord(j + 1, "half") ? 2 : 4) : Info(j)!.Ordinal;
            j++;
            if (IsPunct(j, '-'))
            {
                j++;
            }
        }

        if (!IsQuarterWord(j))
        {
            return false;
        }

        bool half = IsWord(j, "half");
        int end = j + 1;
        if (ordinal == 0 && !the && !anaphoricYearAgo)
        {
            return false;
        }

        if (IsWord(j, "period") && ordinal == 0 && !latest && !anaphoricYearAgo && year == 0)
        {
            // "the period" alone is too vague; "the latest period", "the year-ago period" are quarters.
            return false;
        }

        if (ordinal > 0 && IsPunct(j - 1, '-') && the && !latest && year == 0 && shiftYears == 0 && !anaphoricYearAgo)
        {
            // "the third-quarter results": the article belongs to the noun.
            i++;
        }

        if (half && ordinal is not (1 or 2) || ordinal > 4)
        {
            return false;
        }

        if (half && ordinal == 0)
        {
            return false;
        }

        if (year == 0 && (IsWord(end, "of") || IsPunct(end, ',')) && YearNumber(end + 1, out int y1))
        {
            year = y1;
            end += 2;
        }
        else if (year == 0 && !anaphoricYearAgo && IsWord(end, "of") && YearShift(end + 1, out int shift) && !IsPunct(end + 3, '\''))
        {
            // "the third quarter of last year": one expression.
            end += 3;
            if (Ref is { } now && ordinal > 0)
            {
                year = now.Year + shift;
            }
            else if (ordinal > 0)
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-" + (half ? "H" : "Q") + ordinal.ToString(CultureInfo.InvariantCulture), null, null, Tense.Unknown);
                return true;
            }
            else
            {
                return false;
            }
        }
        else if (year == 0 && latest && !anaphoricYearAgo && ordinal == 0
            && ((IsWord(end, "last") && IsWord(end + 1, "year") && !IsPunct(end + 2, '\''))
                || (IsWord(end, "a") && IsWord(end + 1, "year") && (IsWord(end + 2, "earlier") || IsWord(end + 2, "ago")))))
        {
            // "the same period last year", "the corresponding quarter a year earlier": the year-ago quarter.
            anaphoricYearAgo = true;
            end += IsWord(end, "a") ? 3 : 2;
        }
        else if (year == 0 && YearNumber(end, out int y2))
        {
            year = y2;
            end++;
        }

        var g = half ? Granularity.Half : Granularity.Quarter;
        TimePoint p;
        if (ordinal == 0)
        {
            // "the quarter", "the year-ago quarter": the quarter under discussion, else the last complete one.
            TimePoint anchor;
            if (!anaphoricYearAgo && year == 0 && QuarterEnding(end) is { } ending)
            {
                // "the quarter ended July 31": the calendar quarter holding most of the three months (May–July: Q2).
                anchor = new TimePoint(ending.AddMonths(-1), Granularity.Quarter);
            }
            else if (_context.LastMentioned is { Granularity: Granularity.Quarter } last
                && !(anaphoricYearAgo && Ref is { } now && last.Date > now))
            {
                // A forecast quarter ("a profit in the third quarter of 1990") is not the one reported on:
                // "the year-ago quarter" compares with the current one.
                anchor = last;
            }
            else if (Ref is { } rd0)
            {
                anchor = new TimePoint(rd0.AddMonths(-3), Granularity.Quarter);
            }
            else
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-QX", null, null, Tense.Unknown);
                return true;
            }

            if (year != 0)
            {
                anchor = new TimePoint(new DateOnly(year, anchor.Date.Month, 1), Granularity.Quarter);
            }

            p = anaphoricYearAgo ? new TimePoint(anchor.Date.AddYears(-1), Granularity.Quarter) : anchor;
            c = new Candidate(i, end, TimexType.Date, p.ToTimexValue(), null, anaphoricYearAgo ? null : p, Tense.Unknown);
            return true;
        }

        int month = half ? (ordinal - 1) * 6 + 1 : ((ordinal - 1) * 3) + 1;
        var tense = Tense.Unknown;
        if (year == 0)
        {
            if (Ref is not { } rd)
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-" + (half ? "H" : "Q") + ordinal.ToString(CultureInfo.InvariantCulture), null, null, Tense.Unknown);
                return true;
            }

            year = rd.Year + shiftYears;
            if (shiftYears == 0)
            {
                tense = TenseAround(i, end);
                bool ahead = month > rd.Month;
                if (ahead && tense != Tense.Future)
                {
                    year--;
                }
                else if (tense == Tense.Future && month + (half ? 8 : 5) < rd.Month)
                {
                    // "will recover in the first quarter", said in October: next year's.
                    year++;
                }
            }
        }

        if (anaphoricYearAgo)
        {
            year--;
        }

        p = new TimePoint(new DateOnly(year, month, 1), g);
        c = new Candidate(i, end, TimexType.Date, p.ToTimexValue(), null, anaphoricYearAgo ? null : p, tense);
        return true;
    }

    /// <summary>The day in "… ended Sept. 30" / "ending June 30" right after a period word, read but not consumed.</summary>
    private DateOnly? QuarterEnding(int j)
    {
        if (!(IsWord(j, "ended") || IsWord(j, "ending")) || !TryDate(j + 1, out var day) || day.Value.Length != 10
            || !DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return null;
        }

        return d;
    }

    /// <summary>"the summer", "the fall of 1990", "summer 1994", "this summer" (read by <see cref="TryRelative"/>).</summary>
    private bool TrySeason(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        if (Info(j) is not { } info || !info.Is(WordClass.Season))
        {
            return false;
        }

        int end = j + 1;
        int year = 0;
        if (IsWord(end, "of") && YearNumber(end + 1, out int y1))
        {
            year = y1;
            end += 2;
        }
        else if (IsWord(end, "of") && SpelledYear(end + 1, out int ys, out int afterYear))
        {
            // "the winter of nineteen ninety-four".
            year = ys;
            end = afterYear;
        }
        else if (YearNumber(end, out int y2))
        {
            year = y2;
            end++;
        }
        else if (the && IsWord(end, "of") && YearShift(end + 1, out int shift) && !IsPunct(end + 3, '\''))
        {
            // "the summer of last year": one expression.
            end += 3;
            if (Ref is not { } now)
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-" + SeasonCode(info.SeasonMonth), null, null, Tense.Unknown);
                return true;
            }

            year = now.Year + shift;
        }
        else if (!(IsWord(i - 1, "in") || IsWord(i - 1, "during") || IsWord(i - 1, "by") || IsWord(i - 1, "until") || IsWord(i - 1, "through")
            || IsWord(i - 1, "over") || IsWord(i - 1, "since") || (Info(i - 1) is { } pw && pw.Is(WordClass.Position)) || (IsPunct(i - 1, '-') && IsWord(i - 2, "mid"))))
        {
            // "fall" and "spring" are verbs and nouns too: a season alone needs a preposition or "early", "late".
            return false;
        }

        if (year == 0)
        {
            if (Ref is not { } rd)
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-" + SeasonCode(info.SeasonMonth), null, null, Tense.Unknown);
                return true;
            }

            year = rd.Year;
            var tense = TenseAround(i, end);
            int cur = SeasonIndex(rd.Month);
            int target = SeasonIndex(info.SeasonMonth);
            if (tense == Tense.Past && target > cur)
            {
                year--;
            }
            else if (tense == Tense.Future && target < cur)
            {
                year++;
            }
        }

        var p = new TimePoint(new DateOnly(year, info.SeasonMonth, 1), Granularity.Season);
        c = Make(i, end, p, null);
        return true;
    }

    /// <summary>"the next day", "the following day", "the previous day", "the day before", "that day", "the same day".</summary>
    private bool TryAnaphoric(int i, out Candidate c)
    {
        c = default;
        int j = i;
        int shift;
        int end;
        if (IsWord(j, "the") && (IsWord(j + 1, "next") || IsWord(j + 1, "following") || IsWord(j + 1, "previous")) && (IsWord(j + 2, "day") || (Info(j + 2) is { } pd && pd.Is(WordClass.PartOfDay))))
        {
            shift = IsWord(j + 1, "previous") ? -1 : 1;
            end = j + 3;
        }
        else if (IsWord(j, "the") && IsWord(j + 1, "day") && (IsWord(j + 2, "before") || IsWord(j + 2, "after")) && !NextIsWord(j + 3))
        {
            shift = IsWord(j + 2, "before") ? -1 : 1;
            end = j + 3;
        }
        else if (IsWord(j, "the") && IsWord(j + 1, "day") && IsWord(j + 2, "before") && IsWord(j + 3, "yesterday"))
        {
            shift = -2;
            end = j + 4;
            c = Make(i, end, new TimePoint((Ref ?? default).AddDays(shift), Granularity.Day), null);
            if (Ref is null)
            {
                c = c with { Value = "XXXX-XX-XX", Point = null };
            }

            return true;
        }
        else if (IsWord(j, "year") && IsPunct(j + 1, '-') && (IsWord(j + 2, "earlier") || IsWord(j + 2, "ago")) && Adjacent(j, j + 1) && !IsQuarterWord(j + 3))
        {
            // "year-earlier results": a year before the period under discussion — the current one, when the
            // last period mentioned is itself in an earlier year ("Last year losses were …; the year-earlier results").
            // An adjective before a noun ("year-ago results") names a period: a day last mentioned stands for the
            // quarter it closes ("the quarter ended Sept. 30 … the year-ago results"), or else for its year.
            var basis = _context.LastMentioned is { Granularity: <= Granularity.Year } lm && !(Ref is { } now && lm.Date.Year < now.Year)
                ? (lm.Granularity == Granularity.Day ? PeriodOfDay(lm.Date) : lm)
                : (Ref is { } r0 ? new TimePoint(r0, Granularity.Year) : (TimePoint?)null);
            c = basis is { } b
                ? new Candidate(i, j + 3, TimexType.Date, new TimePoint(b.Date.AddYears(-1), b.Granularity).ToTimexValue(), null, null, Tense.Unknown)
                : new Candidate(i, j + 3, TimexType.Date, "XXXX", null, null, Tense.Unknown);
            return true;
        }
        else if (IsWord(j, "the") && (IsWord(j + 1, "year") || IsWord(j + 1, "month") || IsWord(j + 1, "week") || IsWord(j + 1, "weekend")
            || ((IsWord(j + 1, "fiscal") || IsWord(j + 1, "full")) && IsWord(j + 2, "year"))) && !IsPunct(j + 2, '-') && !IsPunct(j + 3, '-'))
        {
            return TryPeriodUnderDiscussion(i, out c);
        }
        else if ((IsWord(j, "year") && ((IsPunct(j + 1, '-') && IsWord(j + 2, "end")) || IsWord(j + 1, "end")))
            || (IsWord(j, "the") && YearNumber(j + 1, out _) && IsWord(j + 2, "year") && ((IsPunct(j + 3, '-') && IsWord(j + 4, "end")) || IsWord(j + 3, "end")))
            || (YearNumber(j, out _) && IsWord(j + 1, "year") && ((IsPunct(j + 2, '-') && IsWord(j + 3, "end")) || IsWord(j + 2, "end"))))
        {
            if (IsWord(j, "the"))
            {
                // "the 1988 year-end results": the article belongs to the noun.
                i = ++j;
            }

            int? stated = YearNumber(j, out int sy) ? sy : null;
            if (stated is not null)
            {
                // "1988 year-end": the year is given.
                j++;
            }

            // "year-end", "year end": the closing day of the year under discussion (TempEval-3 data write
            // 1989-12-31; "the end of the year" keeps the year with mod END).
            int e = IsPunct(j + 1, '-') ? j + 3 : j + 2;
            int? year = stated ?? (_context.LastMentioned is { Granularity: <= Granularity.Year } lm ? lm.Date.Year : Ref?.Year);
            c = new Candidate(i, e, TimexType.Date, year is { } y ? TimePoint.Year(y) + "-12-31" : "XXXX-12-31", null, null, Tense.Unknown);
            return true;
        }
        else if (IsWord(j, "the") && (IsOrdinal(j + 1) || (Info(j + 1) is { } co && co.Is(WordClass.Ordinal)) || (j + 2 < _t.Count && _t[j + 1].Kind == TokenKind.Digits && Adjacent(j + 1, j + 2) && (IsWord(j + 2, "th") || IsWord(j + 2, "st") || IsWord(j + 2, "nd"))))
            && IsWord(_t[j + 1].Kind == TokenKind.Digits ? j + 3 : j + 2, "century"))
        {
            // "the 20th century" is the 1900s: TIMEX3 value "19".
            int n = _t[j + 1].Kind == TokenKind.Digits ? _t[j + 1].Number : Info(j + 1)!.Ordinal;
            int e = (_t[j + 1].Kind == TokenKind.Digits ? j + 3 : j + 2) + 1;
            if (n is < 1 or > 21)
            {
                return false;
            }

            c = new Candidate(i, e, TimexType.Date, (n - 1).ToString("D2", CultureInfo.InvariantCulture), null, null, Tense.Unknown);
            return true;
        }
        else if ((IsWord(j, "that") || (IsWord(j, "the") && IsWord(j + 1, "same"))) && IsWord(IsWord(j, "that") ? j + 1 : j + 2, "day"))
        {
            shift = 0;
            end = IsWord(j, "that") ? j + 2 : j + 3;
        }
        else
        {
            return false;
        }

        DateOnly? anchor = _context.LastMentioned is { Granularity: Granularity.Day } last ? last.Date : Ref;
        if (anchor is not { } a)
        {
            c = new Candidate(i, end, TimexType.Date, "XXXX-XX-XX", null, null, Tense.Unknown);
            return true;
        }

        c = Make(i, end, new TimePoint(a.AddDays(shift), Granularity.Day), null);
        return true;
    }

    private static TimePoint PeriodOfDay(DateOnly d) =>
        d.Month % 3 == 0 && d.Day == DateTime.DaysInMonth(d.Year, d.Month)
            ? new TimePoint(new DateOnly(d.Year, d.Month - 2, 1), Granularity.Quarter)
            : new TimePoint(new DateOnly(d.Year, 1, 1), Granularity.Year);

    /// <summary>"the year", "the fiscal year", "the week", "the weekend": the period under discussion;
    /// "the year ended Sept. 30" is a duration.</summary>
    private bool TryPeriodUnderDiscussion(int i, out Candidate c)
    {
        int k = IsWord(i + 1, "fiscal") || IsWord(i + 1, "full") ? i + 2 : i + 1;
        int end = k + 1;
        if (IsWord(k, "year") && (IsWord(end, "ended") || IsWord(end, "ending") || IsWord(end, "ends") || IsWord(end, "to")))
        {
            c = new Candidate(i, end, TimexType.Duration, "P1Y", null, null, Tense.Unknown);
            return true;
        }

        if (IsWord(k, "weekend"))
        {
            if (Ref is not { } r)
            {
                c = new Candidate(i, end, TimexType.Date, "XXXX-WXX-WE", null, null, Tense.Unknown);
                return true;
            }

            // The weekend just past, unless the tense looks ahead.
            int iso = IsoDay(r);
            var tense = TenseAround(i, end);
            var day = iso >= 6 ? r : tense == Tense.Future ? r.AddDays(6 - iso) : r.AddDays(-iso);
            var wp = new TimePoint(day, Granularity.Weekend);
            c = new Candidate(i, end, TimexType.Date, wp.ToTimexValue(), null, null, tense);
            return true;
        }

        var g = IsWord(k, "week") ? Granularity.Week : IsWord(k, "month") ? Granularity.Month : Granularity.Year;
        TimePoint? p = _context.LastMentioned is { } last && last.Granularity <= g ? new TimePoint(last.Date, g)
            : Ref is { } rd ? new TimePoint(rd, g) : null;
        c = p is { } pt
            ? new Candidate(i, end, TimexType.Date, pt.ToTimexValue(), null, null, Tense.Unknown)
            : new Candidate(i, end, TimexType.Date, Underspecified(g), null, null, Tense.Unknown);
        return true;
    }

    private bool TryHoliday(int i, out Candidate c)
    {
        c = default;
        if (Info(i) is not { } info || !info.Is(WordClass.Holiday) || !_t[i].Upper)
        {
            return false;
        }

        int end = i + 1;
        if (IsWord(end, "Day") || IsWord(end, "Eve"))
        {
            end++;
        }
        else if (IsPunct(end, '\'') && IsWord(end + 1, "s") && IsWord(end + 2, "Day"))
        {
            end += 3;
        }

        int month = info.HolidayMonth;
        int day = info.HolidayDay;
        if (day < 0 && !(IsWord(end - 1, "Day") && _t[end - 1].Upper))
        {
            // "Election Day" is a date; "election" alone is an event.
            return false;
        }

        if (Ref is not { } rd)
        {
            c = new Candidate(i, end, TimexType.Date, "XXXX-" + Two(month) + (day > 0 ? "-" + Two(day) : string.Empty), null, null, Tense.Unknown);
            return true;
        }

        bool eve = IsWord(end - 1, "Eve");
        DateOnly On(int year)
        {
            // Thanksgiving (US): the fourth Thursday of November; Election Day (US): the Tuesday after the first Monday.
            int d = day > 0 ? day
                : day < 0 ? 2 + ((1 - IsoDay(new DateOnly(year, 11, 1)) + 7) % 7)
                : 1 + ((4 - IsoDay(new DateOnly(year, 11, 1)) + 7) % 7) + 21;
            return new DateOnly(year, month, d).AddDays(eve ? -1 : 0);
        }

        // The nearest one, or the last / next one as the tense says.
        var tense = TenseAround(i, end);
        DateOnly best = On(rd.Year);
        for (int y = rd.Year - 1; y <= rd.Year + 1; y++)
        {
            var candidate = On(y);
            int delta = candidate.DayNumber - rd.DayNumber;
            bool ok = tense switch { Tense.Past => delta <= 0, Tense.Future => delta >= 0, _ => true };
            int bestDelta = best.DayNumber - rd.DayNumber;
            bool bestOk = tense switch { Tense.Past => bestDelta <= 0, Tense.Future => bestDelta >= 0, _ => true };
            if (ok && (!bestOk || Math.Abs(delta) < Math.Abs(bestDelta)))
            {
                best = candidate;
            }
        }

        var p = new TimePoint(best, Granularity.Day);
        c = new Candidate(i, end, TimexType.Date, p.ToTimexValue(), null, p, tense);
        return true;
    }

    // ---- quantities -----------------------------------------------------------------------

    /// <summary>"two weeks", "two weeks ago", "a year earlier", "the past two months", "the first nine months",
    /// "two-year", "several years", "decades", "three days later".</summary>
    private bool TryQuantity(int i, out Candidate c)
    {
        c = default;
        int j = i;
        bool the = IsWord(j, "the");
        if (the)
        {
            j++;
        }

        bool lead = false;
        if (Info(j) is { } li && ((li.Is(WordClass.Relative) && li.Relation is Relation.Past or Relation.Last or Relation.Next or Relation.Previous or Relation.Coming or Relation.Following or Relation.Latest)
            || IsWord(j, "first") || IsWord(j, "remaining") || IsWord(j, "final") || IsWord(j, "full")))
        {
            lead = true;
            j++;
        }

        if (!lead && !the && IsWord(j, "next") == false && (IsWord(j, "recent") || IsWord(j, "coming")))
        {
            j++;
        }

        if (!the && !lead && IsWord(j, "a") && IsWord(j + 1, "while") && (IsWord(j - 1, "for") || IsWord(j - 1, "after") || (IsWord(j - 1, "in") && !IsWord(j - 2, "once"))))
        {
            // "for a while": a stretch of unknown length ("once in a while" is a manner of speaking).
            c = new Candidate(i, j + 2, TimexType.Duration, "PXX", null, null, Tense.Unknown);
            return true;
        }

        if (!the && !lead && IsWord(j, "a") && IsWord(j + 1, "later") && IsWord(j + 2, "date"))
        {
            // "postponed to a later date".
            c = new Candidate(i, j + 3, TimexType.Date, "FUTURE_REF", null, null, Tense.Future);
            return true;
        }

        int n;
        int k;
        bool bare = false;
        bool half = false;
        if (IsWord(j, "half") && (IsWord(j + 1, "a") || IsWord(j + 1, "an")) && Info(j + 2) is { } hu && hu.Is(WordClass.Unit) && !hu.Plural)
        {
            // "half an hour", "half a century".
            n = 0;
            k = j + 2;
            half = true;
        }
        else if (!TryNumber(j, out n, out k))
        {
            // Bare plural units: "for years", "within weeks", "decades-old", "the past few years" (few read by TryNumber).
            if (Info(j) is { } bu && bu.Is(WordClass.Unit) && bu.Plural && (lead || IsWord(j - 1, "for") || IsWord(j - 1, "over") || IsWord(j - 1, "within") || (IsPunct(j + 1, '-') && (IsWord(j + 2, "old") || IsWord(j + 2, "long")))))
            {
                n = -1;
                k = j;
                bare = true;
            }
            else if (lead && Info(j) is { } su && su.Is(WordClass.Unit) && !su.Plural && the)
            {
                // "the past year" is a date (read by TryRelative); "the first year" is not tagged.
                return false;
            }
            else
            {
                return false;
            }
        }

        if (n > 0 && !half && _t[k - 1].Kind == TokenKind.Digits && k + 2 < _t.Count && _t[k].Kind == TokenKind.Digits && _t[k].Number == 1
            && IsPunct(k + 1, '/') && _t[k + 2].Kind == TokenKind.Digits && _t[k + 2].Number == 2 && Adjacent(k, k + 1) && Adjacent(k + 1, k + 2))
        {
            // "2 1/2 years".
            half = true;
            k += 3;
        }
        else if (n > 0 && !half && IsWord(k, "and") && IsWord(k + 1, "a") && IsWord(k + 2, "half"))
        {
            // "two and a half years".
            half = true;
            k += 3;
        }

        string? rangeMod = null;
        if (n > 0 && !half && IsWord(k, "to") && TryNumber(k + 1, out int upper, out int afterUpper) && upper > n
            && Info(afterUpper) is { } ru && ru.Is(WordClass.Unit) && ru.Plural)
        {
            // "two to three weeks", "the next 12 to 18 months": one expression, at least the lower bound (as
            // TempEval-3 data write it: P2W, EQUAL_OR_MORE).
            rangeMod = "EQUAL_OR_MORE";
            k = afterUpper;
        }

        if (IsWord(k, "more") || IsWord(k, "additional"))
        {
            k++;
        }

        if ((IsWord(k, "trading") || IsWord(k, "business") || IsWord(k, "working")) && (IsWord(k + 1, "days") || IsWord(k + 1, "day") || IsWord(k + 1, "hours")))
        {
            k++;
        }

        bool hyphen = false;
        if (IsPunct(k, '-') && !bare)
        {
            hyphen = true;
            k++;
        }

        if (Info(k) is not { } unit || !unit.Is(WordClass.Unit))
        {
            return false;
        }

        if (hyphen && unit.Plural)
        {
            // "three-quarters of the vote" is a fraction; adjectival durations are singular ("three-year").
            return false;
        }

        if (unit.Unit == TimeUnit.Year && !unit.Plural && (IsWord(k + 1, "end") || (IsPunct(k + 1, '-') && IsWord(k + 2, "end"))))
        {
            // "1988 year-end" is a day (read by TryAnaphoric), not 1,988 years.
            return false;
        }

        if (unit.Unit == TimeUnit.Year && unit.Plural && IsWord(k + 1, "old") && !IsWord(k + 2, "-"))
        {
            // "52 years old" is an age.
            return false;
        }

        if (unit.Unit == TimeUnit.Half && n != -1)
        {
            return false;
        }

        if (unit.Unit == TimeUnit.Second && (IsWord(j, "a") || IsWord(j, "an") || IsWord(j, "the")))
        {
            return false;
        }

        if (!bare && n == 1 && unit.Plural && _t[j].Kind == TokenKind.Word)
        {
            return false;
        }

        if (!the && !lead && n == 1 && (IsWord(j, "a") || IsWord(j, "an")) && !unit.Plural && IsRateAfter(j - 1) && !IsWord(k + 1, "ago") && !IsWord(k + 1, "earlier") && !IsWord(k + 1, "later"))
        {
            // "$2 million a year", "four flights a week", "24 hours a day": a rate, not a time expression.
            return false;
        }

        int end = k + 1;
        if (n == 1 && !half && !unit.Plural && IsWord(end, "and") && IsWord(end + 1, "a") && IsWord(end + 2, "half"))
        {
            // "a year and a half", "a minute and a half".
            half = true;
            end += 3;
        }

        if (half)
        {
            if (unit.Unit is TimeUnit.Half or TimeUnit.Weekend or TimeUnit.Quarter)
            {
                return false;
            }

            c = new Candidate(hyphen && the && !lead ? j : i, end, TimexType.Duration, HalfDurationValue(n, unit.Unit), null, null, Tense.Unknown);
            return true;
        }

        if (IsPunct(end, '-') && (IsWord(end + 1, "earlier") || IsWord(end + 1, "ago") || (hyphen && IsWord(end + 1, "old"))))
        {
            // "a year-earlier quarter" is a date; "a 6-year-old" is an age, not a time expression.
            return false;
        }

        // "two weeks ago", "a year earlier", "three days later", "a week or so ago".
        int after = end;
        bool orSo = IsWord(after, "or") && IsWord(after + 1, "so");
        if (orSo)
        {
            after += 2;
        }

        if (!hyphen && !lead && !the && Info(after) is { } post && post.Is(WordClass.Relative)
            && (post.Relation is Relation.Earlier or Relation.Later || IsWord(after, "ago") || (IsWord(after, "from") && IsWord(after + 1, "now"))))
        {
            bool ago = IsWord(after, "ago") || IsWord(after, "from");
            bool back = post.Relation == Relation.Earlier;
            if ((IsWord(after, "before") || IsWord(after, "after")) && NextIsWord(after + 1))
            {
                // "two days before the vote": the anchor is an event, not a date.
                goto duration;
            }

            // "Three days later, the index rose": TempEval-3 data tags the length ("Three days", P3D) and leaves
            // "later" as the signal tying it to the event before; the day it reaches still becomes the date last
            // mentioned, for "the next day" after it.
            bool signal = IsWord(after, "later") && !orSo;
            int lengthEnd = end;
            end = IsWord(after, "from") ? after + 2 : after + 1;
            var tense = Tense.Unknown;
            if (signal && (n < 0 || (_context.LastMentioned is null && Ref is null)))
            {
                end = lengthEnd;
                goto duration;
            }

            if (n < 0)
            {
                c = new Candidate(i, end, TimexType.Date, back ? "PAST_REF" : "FUTURE_REF", orSo ? "APPROX" : null, null, Tense.Unknown);
                return true;
            }

            TimePoint? anchor = ago ? (Ref is { } r0 ? new TimePoint(r0, Granularity.Day) : null) : (_context.LastMentioned ?? (Ref is { } r1 ? new TimePoint(r1, Granularity.Day) : null));
            var g = Gran(unit.Unit);
            if (unit.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
            {
                g = Granularity.Day;
            }

            if (anchor is not { } an)
            {
                c = new Candidate(i, end, TimexType.Date, Underspecified(g), orSo ? "APPROX" : null, null, tense);
                return true;
            }

            // With no date mentioned yet, "a year earlier" counts back from publication like "a year ago", in years;
            // figures "compared with a year earlier" compare periods, not the day last mentioned.
            bool inYears = ago || _context.LastMentioned is null
                || (unit.Unit == TimeUnit.Year && an.Granularity is Granularity.Day or Granularity.Week && IsComparison(i, end));
            if (!inYears && an.Granularity < g)
            {
                g = an.Granularity;
            }
            else if (ago && unit.Unit == TimeUnit.Year && n == 1 && _context.LastMentioned is { Granularity: Granularity.Quarter or Granularity.Half } period)
            {
                // "up 5% from a year ago" after "the third quarter": the same period a year before.
                an = new TimePoint(new DateOnly(an.Date.Year, period.Date.Month, 1), period.Granularity);
                g = period.Granularity;
            }

            int signed = back ? -n : n;
            var date = unit.Unit switch
            {
                TimeUnit.Hour => an.Date.AddDays((int)Math.Floor(signed / 24.0)),
                TimeUnit.Minute or TimeUnit.Second => an.Date,
                _ => Shift(an.Date, unit.Unit, signed),
            };
            if (unit.Unit == TimeUnit.Decade)
            {
                g = Granularity.Year;
            }

            var p = new TimePoint(date, g);

            // A comparison period ("from a year ago", "compared with a year earlier") does not become the period
            // under discussion: the next "a year earlier" compares with the same period, not one a year before it.
            bool comparison = unit.Unit == TimeUnit.Year && (g is Granularity.Quarter or Granularity.Half || IsComparison(i, end));
            c = signal
                ? new Candidate(i, lengthEnd, TimexType.Duration, DurationValue(n, unit.Unit), null, p, Tense.Unknown)
                : new Candidate(i, end, TimexType.Date, p.ToTimexValue(), orSo ? "APPROX" : null, comparison ? null : p, tense);
            return true;
        }

    duration:
        if (lead && (IsWord(j - 1, "first") || IsWord(j - 1, "last")) && IsWord(end, "of") && YearNumber(end + 1, out int ofYear)
            && ((unit.Unit == TimeUnit.Quarter && n == 2) || (unit.Unit == TimeUnit.Month && n == 6)))
        {
            // "the first two quarters of 1990" is that year's first half.
            c = new Candidate(i, end + 2, TimexType.Date, TimePoint.Year(ofYear) + (IsWord(j - 1, "first") ? "-H1" : "-H2"), null, null, Tense.Unknown);
            return true;
        }

        if ((IsWord(end, "a") || IsWord(end, "per")) && Info(end + 1) is { } per && per.Is(WordClass.Unit) && !per.Plural)
        {
            // "24 hours a day", "40 hours per week": a share of each period, not a stretch of time.
            return false;
        }

        // "the 30-day period": the article belongs to the noun, not to the adjectival duration.
        int firstTok = hyphen && the && !lead ? j : i;

        if (bare && !lead && IsPunct(k + 1, '-'))
        {
            // "the decades-old dispute": the article belongs to the noun.
            firstTok = k;
        }

        c = new Candidate(firstTok, end, TimexType.Duration, DurationValue(n, unit.Unit), rangeMod, null, Tense.Unknown);
        return true;
    }

    /// <summary>Reads a count: "2", "two", "twenty-four", "a", "several", "a few", "a couple of".</summary>
    private bool TryNumber(int j, out int n, out int next)
    {
        n = 0;
        next = j;
        if (j >= _t.Count)
        {
            return false;
        }

        var t = _t[j];
        if (t.Kind == TokenKind.Digits)
        {
            if (t.Number is < 0 or > 10000 || (j > 0 && IsPunct(j - 1, '$')) || (IsPunct(j + 1, '.') && j + 2 < _t.Count && _t[j + 2].Kind == TokenKind.Digits && Adjacent(j + 1, j + 2)))
            {
                return false;
            }

            if (IsPunct(j + 1, ',') && j + 2 < _t.Count && _t[j + 2].Kind == TokenKind.Digits && Adjacent(j + 1, j + 2))
            {
                return false;
            }

            n = t.Number;
            next = j + 1;
            return true;
        }

        if (t.Info is not { } info || !info.Is(WordClass.Number))
        {
            return false;
        }

        if (IsWord(j, "a") || IsWord(j, "an"))
        {
            if (IsWord(j + 1, "few") || IsWord(j + 1, "several"))
            {
                n = -1;
                next = j + 2;
                return true;
            }

            if (IsWord(j + 1, "couple") && IsWord(j + 2, "of"))
            {
                n = 2;
                next = j + 3;
                return true;
            }

            if (IsWord(j + 1, "dozen"))
            {
                n = 12;
                next = j + 2;
                return true;
            }

            n = 1;
            next = j + 1;
            return true;
        }

        if (IsWord(j, "couple"))
        {
            return false;
        }

        if (IsWord(j, "some") || IsWord(j, "many"))
        {
            // "some years ago", "many years": vague.
            n = -1;
            next = j + 1;
            return Info(j + 1) is { } u && u.Is(WordClass.Unit) && u.Plural;
        }

        n = info.Number;
        next = j + 1;
        if (info.Is(WordClass.Tens) && (IsPunct(next, '-') && Info(next + 1) is { } ones && ones.Is(WordClass.Number) && ones.Number is > 0 and < 10))
        {
            n += Info(next + 1)!.Number;
            next += 2;
        }
        else if (info.Is(WordClass.Tens) && Info(next) is { } ones2 && ones2.Is(WordClass.Number) && ones2.Number is > 0 and < 10 && !IsWord(next, "a") && !IsWord(next, "an"))
        {
            n += ones2.Number;
            next += 1;
        }

        if (IsWord(next, "hundred") && n > 0 && n < 10)
        {
            n *= 100;
            next++;
        }

        return true;
    }

    /// <summary>n and a half units, in the next smaller unit where ISO 8601 needs it: P2Y6M, PT1M30S, PT30M.</summary>
    private static string HalfDurationValue(int n, TimeUnit unit)
    {
        string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        string Whole(string prefix, string letter) => n > 0 ? prefix + N(n) + letter : prefix;
        return unit switch
        {
            TimeUnit.Second => "PT" + N(n) + ".5S",
            TimeUnit.Minute => Whole("PT", "M") + "30S",
            TimeUnit.Hour => Whole("PT", "H") + "30M",
            TimeUnit.Day => Whole("P", "D") + "T12H",
            TimeUnit.Week or TimeUnit.Fortnight => "P" + N(((unit == TimeUnit.Week ? 7 : 14) * n) + (unit == TimeUnit.Week ? 3 : 7)) + "D" + (unit == TimeUnit.Week ? "T12H" : string.Empty),
            TimeUnit.Month => Whole("P", "M") + "15D",
            TimeUnit.Decade => "P" + N((10 * n) + 5) + "Y",
            TimeUnit.Century => "P" + N((100 * n) + 50) + "Y",
            _ => Whole("P", "Y") + "6M",
        };
    }

    private static string DurationValue(int n, TimeUnit unit)
    {
        string count = n < 0 ? "X" : n.ToString(CultureInfo.InvariantCulture);
        string Times(int f) => n < 0 ? "X" : (n * f).ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Second => "PT" + count + "S",
            TimeUnit.Minute => "PT" + count + "M",
            TimeUnit.Hour => "PT" + count + "H",
            TimeUnit.Day => "P" + count + "D",
            TimeUnit.Weekend => "P" + Times(2) + "D",
            TimeUnit.Week => "P" + count + "W",
            TimeUnit.Fortnight => "P" + Times(2) + "W",
            TimeUnit.Month => "P" + count + "M",
            // ISO 8601 durations have no quarter unit: three quarters are nine months.
            TimeUnit.Quarter => "P" + Times(3) + "M",
            TimeUnit.Year => "P" + count + "Y",
            TimeUnit.Decade => n < 0 ? "PXDE" : "P" + Times(10) + "Y",
            TimeUnit.Century => n < 0 ? "PXCE" : "P" + Times(100) + "Y",
            _ => "P" + count + "Y",
        };
    }

    // ---- sets and clock times -------------------------------------------------------------

    /// <summary>"daily", "weekly", "every day", "each year", "per month".</summary>
    private bool TrySet(int i, out Candidate c)
    {
        c = default;
        if (Info(i) is { } info && info.Is(WordClass.Set) && (!NextIsWord(i + 1) || IsAdverbFollower(i + 1)))
        {
            // "meets daily", "held annually for the poet", not "a daily newspaper" or "average daily volume".
            c = new Candidate(i, i + 1, TimexType.Set, info.SetValue!, null, null, Tense.Unknown);
            return true;
        }

        if (IsWord(i, "every") || IsWord(i, "each") || IsWord(i, "per"))
        {
            int k = i + 1;
            if (IsWord(k, "other"))
            {
                k++;
            }

            if (Info(k) is { } u && u.Is(WordClass.Unit) && !u.Plural && !(IsWord(i, "per") && IsRateAfter(i - 1)))
            {
                int times = IsWord(i + 1, "other") ? 2 : 1;
                c = new Candidate(i, k + 1, TimexType.Set, DurationValue(times, u.Unit), null, null, Tense.Unknown);
                return true;
            }

            if (Info(k) is { } w && w.Is(WordClass.Weekday) && !w.Plural && _t[k].Upper)
            {
                c = new Candidate(i, k + 1, TimexType.Set, "XXXX-WXX-" + w.Weekday.ToString(CultureInfo.InvariantCulture), null, null, Tense.Unknown);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when token <paramref name="k"/> ends an amount, so that "a year" or "per second" after it makes a rate
    /// ("$1.76 a year", "15 million instructions per second", "four flights a week", "24 hours a day"). TempEval-3
    /// data leave such rates untagged (one of six on the development half is a SET), as the TempEval guidelines
    /// do speeds.
    /// </summary>
    private bool IsRateAfter(int k)
    {
        if (k < 0 || k >= _t.Count)
        {
            return false;
        }

        if (_t[k].Kind == TokenKind.Digits || IsPunct(k, '%') || IsWord(k, "million") || IsWord(k, "billion") || IsWord(k, "trillion")
            || IsWord(k, "percent") || IsWord(k, "cents") || IsWord(k, "dollars") || IsWord(k, "times"))
        {
            return true;
        }

        // "four flights", "700 seats", "24 hours", "15 million instructions": a counted plural noun.
        return _t[k].Kind == TokenKind.Word && _text[_t[k].End - 1] == 's' && k > 0
            && (_t[k - 1].Kind == TokenKind.Digits || IsWord(k - 1, "million") || IsWord(k - 1, "billion") || IsWord(k - 1, "thousand")
                || (Info(k - 1) is { } num && num.Is(WordClass.Number) && !IsWord(k - 1, "a") && !IsWord(k - 1, "an")));
    }

    /// <summary>A preposition or adverb after "daily", "annually" …: the set word modifies the verb ("gather daily
    /// outside the house"), not a noun ("a daily newspaper").</summary>
    private bool IsAdverbFollower(int j) =>
        IsWord(j, "for") || IsWord(j, "in") || IsWord(j, "at") || IsWord(j, "on") || IsWord(j, "outside") || IsWord(j, "since")
        || IsWord(j, "from") || IsWord(j, "to") || IsWord(j, "until") || IsWord(j, "during") || IsWord(j, "by") || IsWord(j, "near")
        || IsWord(j, "here") || IsWord(j, "there");

    /// <summary>"10 a.m.", "3:30 p.m. EDT", "noon", "midnight".</summary>
    private bool TryClock(int i, out Candidate c)
    {
        c = default;
        int hour;
        int minute = 0;
        int end;
        if (IsWord(i, "noon") || IsWord(i, "midnight"))
        {
            if (!(IsWord(i - 1, "at") || IsWord(i - 1, "by") || IsWord(i - 1, "until") || IsWord(i - 1, "before") || IsWord(i - 1, "after") || IsWord(i - 1, "around")
                || (Info(i + 1) is { } nd && (nd.Is(WordClass.Weekday) || nd.Is(WordClass.Deictic)))))
            {
                return false;
            }

            hour = IsWord(i, "noon") ? 12 : 24;
            end = i + 1;
        }
        else
        {
            if (i >= _t.Count || _t[i].Kind != TokenKind.Digits || _t[i].Number is < 0 or > 24 || _t[i].Length > 2)
            {
                return false;
            }

            hour = _t[i].Number;
            end = i + 1;
            if (IsPunct(end, ':') && end + 1 < _t.Count && _t[end + 1].Kind == TokenKind.Digits && _t[end + 1].Length == 2 && Adjacent(end, end + 1))
            {
                minute = _t[end + 1].Number;
                end += 2;
                if (minute > 59)
                {
                    return false;
                }
            }

            int ampm = end < _t.Count ? _t[end].Number : 0;
            if (end < _t.Count && _t[end].Kind == TokenKind.Word && ampm is -2 or -3)
            {
                end++;
            }
            else if (IsWord(end, "am") || IsWord(end, "pm"))
            {
                ampm = IsWord(end, "am") ? -2 : -3;
                end++;
            }
            else
            {
                return false;
            }

            if (hour > 12)
            {
                return false;
            }

            if (ampm == -3 && hour < 12)
            {
                hour += 12;
            }
            else if (ampm == -2 && hour == 12)
            {
                hour = 0;
            }

            if (end < _t.Count && _t[end].Kind == TokenKind.Word && _t[end].Length is 3 && IsTimeZone(end))
            {
                end++;
            }
        }

        string date = Ref is { } rd ? new TimePoint(rd, Granularity.Day).ToTimexValue() : "XXXX-XX-XX";
        if (_context.LastMentioned is { Granularity: Granularity.Day } last)
        {
            date = last.ToTimexValue();
        }

        // "9 a.m. Tuesday", "5 p.m. EST Nov. 9", "noon Thursday": the day that follows is the clock's day.
        int after = IsPunct(end, ',') ? end + 1 : end;
        if (!IsWord(after, "the") && TryDate(after, out var day) && day.Type is TimexType.Date or TimexType.Time && day.Value.Length >= 10 && day.Value[4] == '-' && day.Value[7] == '-')
        {
            date = day.Value[..10];
            end = day.End;
        }

        c = new Candidate(i, end, TimexType.Time, date + "T" + Two(hour) + ":" + Two(minute), null, null, Tense.Unknown);
        return true;
    }

    private bool IsTimeZone(int i)
    {
        var s = _text.AsSpan(_t[i].Start, _t[i].Length);
        return s is "EDT" or "EST" or "CDT" or "CST" or "PDT" or "PST" or "GMT" or "UTC" or "MDT" or "MST" or "JST";
    }

    // ---- tense ----------------------------------------------------------------------------

    /// <summary>The tense of the clause around tokens <c>[first, end)</c>: the nearest tense marker to
    /// the left within the sentence, else to the right.</summary>
    private Tense TenseAround(int first, int end)
    {
        Tense fallback = Tense.Unknown;
        for (int k = first - 1, steps = 0; k >= 0 && steps < 15; k--, steps++)
        {
            var t = WordTense(k, ref fallback, leftward: true);
            if (t != Tense.Unknown)
            {
                return t;
            }

            if (_t[k].BreakBefore)
            {
                break;
            }
        }

        for (int k = end, steps = 0; k < _t.Count && steps < 15; k++, steps++)
        {
            if (_t[k].BreakBefore)
            {
                break;
            }

            var t = WordTense(k, ref fallback, leftward: false);
            if (t != Tense.Unknown)
            {
                return t;
            }
        }

        return fallback;
    }

    private Tense WordTense(int k, ref Tense fallback, bool leftward)
    {
        var t = _t[k];
        if (t.Kind != TokenKind.Word)
        {
            return Tense.Unknown;
        }

        if (t.Info is { } info)
        {
            if (info.Is(WordClass.Future))
            {
                if ((IsWord(k, "going") || IsWord(k, "plan") || IsWord(k, "plans") || IsWord(k, "hope") || IsWord(k, "hopes")) && !IsWord(k + 1, "to"))
                {
                    // "the plan", "hopes of peace": nouns.
                    return Tense.Unknown;
                }

                if (IsWord(k, "may") && t.Upper)
                {
                    return Tense.Unknown;
                }

                if (IsWord(k, "planned") && !IsWord(k + 1, "to") && !IsWord(k + 1, "for"))
                {
                    return IsBe(k - 1) ? Tense.Future : Tense.Past;
                }

                return Tense.Future;
            }

            if (info.Is(WordClass.Present))
            {
                if (IsWord(k + 1, "to") || IsWord(k + 1, "due") || IsWord(k + 1, "set"))
                {
                    return Tense.Future;
                }

                if (fallback == Tense.Unknown)
                {
                    fallback = Tense.Present;
                }

                return Tense.Unknown;
            }

            if (info.Is(WordClass.Past) || info.Is(WordClass.Reporting))
            {
                if (IsWord(k, "says") || IsWord(k, "say") || IsWord(k, "tells") || IsWord(k, "reports") || IsWord(k, "announces") || IsWord(k, "according"))
                {
                    return Tense.Unknown;
                }

                if (_context.HasVerbTenses && !info.Is(WordClass.Reporting))
                {
                    return _context.TaggedTenseAt(t.Start) == Tense.Past ? PastOrIntent(k, leftward) : Tense.Unknown;
                }

                return IsBe(k - 1) || IsModifierPosition(k) ? Tense.Unknown : PastOrIntent(k, leftward);
            }

            if (info.Is(WordClass.Relative) && info.Relation == Relation.Last && k + 1 < _t.Count)
            {
                return Tense.Unknown;
            }

            return Tense.Unknown;
        }

        // Regular past: "signed", "visited" (not "need", "red", "bed", "speed").
        if (t.Length >= 5 && _text[t.End - 1] is 'd' && _text[t.End - 2] is 'e' && !t.Upper)
        {
            var w = _text.AsSpan(t.Start, t.Length);
            if (w.EndsWith("eed") || w.EndsWith("ied") == false && w.Length < 5)
            {
                return Tense.Unknown;
            }

            if (_context.HasVerbTenses)
            {
                // A tagger tells a past verb from an adjective or a passive participle.
                return _context.TaggedTenseAt(t.Start) == Tense.Past ? PastOrIntent(k, leftward) : Tense.Unknown;
            }

            return IsBe(k - 1) || IsModifierPosition(k) ? Tense.Unknown : PastOrIntent(k, leftward);
        }

        if (_context.HasVerbTenses && _context.TaggedTenseAt(t.Start) is var tagged and not Tense.Unknown)
        {
            // Irregular and unlisted verbs the lexicon does not know ("sank", "won").
            return tagged == Tense.Past ? PastOrIntent(k, leftward) : tagged;
        }

        return Tense.Unknown;
    }

    /// <summary>"last year" as the other side of a comparison: "from $5 million last year", "compared with
    /// a year-earlier profit", "last year's $1.55 billion".</summary>
    private bool IsComparison(int first, int end)
    {
        if (IsPunct(end, '\'') && IsWord(end + 1, "s") && Adjacent(end - 1, end))
        {
            return true;
        }

        for (int k = first - 1; k >= 0 && k >= first - 6; k--)
        {
            if (_t[k + 1].BreakBefore)
            {
                return false;
            }

            if (IsWord(k, "from") || IsWord(k, "with") || IsWord(k, "than") || IsWord(k, "against") || IsWord(k, "versus"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A date something is put off to or may happen as early as lies ahead whatever the tense of the
    /// clause: "postponed until Tuesday", "adjourned to Monday", "could arrive as early as Friday".</summary>
    private bool DeferredTo(int i)
    {
        if ((IsWord(i - 3, "as") && (IsWord(i - 2, "early") || IsWord(i - 2, "soon")) && IsWord(i - 1, "as"))
            || (IsWord(i - 3, "no") && (IsWord(i - 2, "later") || IsWord(i - 2, "earlier")) && IsWord(i - 1, "than")))
        {
            return true;
        }

        // A clock before the day belongs to the same deadline: "until 9 a.m. EST Tuesday".
        int p = i - 1;
        while (p >= 0 && (_t[p].Number is -2 or -3 || (_t[p].Kind == TokenKind.Digits && _t[p].Length <= 2) || IsPunct(p, ':')
            || IsWord(p, "noon") || IsWord(p, "midnight") || (_t[p].Kind == TokenKind.Word && _t[p].Length == 3 && IsTimeZone(p))))
        {
            p--;
        }

        if (!(IsWord(p, "until") || IsWord(p, "till") || IsWord(p, "to")))
        {
            return false;
        }

        // The deferring verb, up to four words before the preposition ("postponed the vote until", "put off any action until");
        // a deadline given or held is one ahead too ("has given the relatives until Tuesday", "has until Friday to reply").
        for (int k = p - 1; k >= 0 && k >= p - 5; k--)
        {
            if (_t[k].Kind != TokenKind.Word || _t[k + 1].BreakBefore)
            {
                return false;
            }

            var w = _text.AsSpan(_t[k].Start, _t[k].Length);
            if (w is "postponed" or "delayed" or "deferred" or "adjourned" or "recessed" or "rescheduled" or "moved" or "pushed" or "put" or "extended"
                or "given" or "gives" or "has" or "have")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A participle after an article or possessive is an adjective ("an unspecified date").</summary>
    private bool IsModifierPosition(int k) =>
        IsWord(k - 1, "a") || IsWord(k - 1, "an") || IsWord(k - 1, "the") || IsWord(k - 1, "its") || IsWord(k - 1, "his") || IsWord(k - 1, "her")
        || IsWord(k - 1, "their") || IsWord(k - 1, "our") || IsWord(k - 1, "this") || IsWord(k - 1, "still") || IsWord(k - 1, "newly");

    /// <summary>A past verb of intent before "to" and a verb ("hoped to conclude", "agreed to meet") points
    /// ahead when the date follows; "tried to", "began to" do not.</summary>
    private Tense PastOrIntent(int k, bool leftward)
    {
        var w = _text.AsSpan(_t[k].Start, _t[k].Length);
        bool intent = w is "hoped" or "planned" or "wanted" or "agreed" or "decided" or "promised" or "pledged" or "vowed" or "threatened"
            or "expected" or "intended" or "aimed" or "sought" or "offered" or "proposed" or "prepared" or "arranged" or "asked" or "urged" or "invited";
        if (leftward && intent && IsWord(k + 1, "to") && k + 2 < _t.Count && _t[k + 2].Kind == TokenKind.Word && !_t[k + 2].Upper && _t[k + 2].Info is null
            && !IsWord(k + 2, "his") && !IsWord(k + 2, "her") && !IsWord(k + 2, "its") && !IsWord(k + 2, "their") && !IsWord(k + 2, "our"))
        {
            return Tense.Future;
        }

        return Tense.Past;
    }

    private bool IsBe(int k) => IsWord(k, "be") || IsWord(k, "been") || IsWord(k, "being");

    // ---- checks ---------------------------------------------------------------------------

    /// <summary>A month name alone ("in December") is a date only where the context says so, so that
    /// "May" the verb and "March" the noun are left alone.</summary>
    private bool MonthAloneIsDate(int i)
    {
        if (IsAbbreviation(i))
        {
            return false;
        }

        bool ambiguous = IsWord(i, "may") || IsWord(i, "march");
        var prev = i > 0 ? Info(i - 1) : null;
        bool prepBefore = prev is not null && (prev.Is(WordClass.Preposition) || prev.Is(WordClass.Relative) || prev.Is(WordClass.Position))
            && !IsWord(i - 1, "and") && !IsWord(i - 1, "or") && !IsWord(i - 1, "to") && !IsWord(i - 1, "as");
        bool hyphenMid = IsPunct(i - 1, '-') && IsWord(i - 2, "mid");
        if (ambiguous)
        {
            if (IsWord(i - 1, "to") && IsWord(i - 3, "from"))
            {
                return true;
            }

            // "the March accession", "the May elections": a capitalized month before a lowercase noun (the noun
            // "march" is lowercase there; "the March of Dimes" is a name).
            bool beforeNoun = IsWord(i - 1, "the") && i + 1 < _t.Count && _t[i + 1].Kind == TokenKind.Word && !_t[i + 1].Upper && !_t[i + 1].BreakBefore
                && !IsWord(i + 1, "of") && !IsWord(i + 1, "on") && !IsWord(i + 1, "to");
            return (prepBefore && !IsWord(i - 1, "by") && !IsWord(i - 1, "for")) || hyphenMid || beforeNoun;
        }

        // A capitalized month inside a name ("August Wilson") is rare; a month after a name is not.
        if (i + 1 < _t.Count && _t[i + 1].Kind == TokenKind.Word && _t[i + 1].Upper && _t[i + 1].Info is null && !prepBefore && !_t[i + 1].BreakBefore)
        {
            return false;
        }

        return true;
    }

    /// <summary>"Friday" in a name ("Good Friday Agreement", "Friday Mosque") is not a date.</summary>
    private bool WeekdayIsDate(int i)
    {
        if (i > 0 && _t[i - 1].Kind == TokenKind.Word && _t[i - 1].Upper && IsNameFormer(_text.AsSpan(_t[i - 1].Start, _t[i - 1].Length)))
        {
            // "Black Friday", "Good Friday", "Man Friday": names and holidays, not weekdays.
            return false;
        }

        if (i + 1 < _t.Count && _t[i + 1].Kind == TokenKind.Word && _t[i + 1].Upper && _t[i + 1].Info is null && !_t[i + 1].BreakBefore)
        {
            bool dateContext = i > 0 && (_t[i - 1].Info is { } p && (p.Is(WordClass.Preposition) || p.Is(WordClass.Relative)) || IsPunct(i - 1, ','));
            if (!dateContext)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameFormer(ReadOnlySpan<char> w) =>
        w is "Black" or "Good" or "Holy" or "Ash" or "Palm" or "Maundy" or "Bloody" or "Cyber" or "Super" or "Man" or "Girl" or "Casual"
            or "Freaky" or "Fat" or "Shrove" or "Easter" or "Whit" or "Giving" or "Spy" or "Blue" or "Red" or "Mad";

    private static bool IsCountNoun(ReadOnlySpan<char> w) =>
        w is "people" or "troops" or "soldiers" or "workers" or "members" or "residents" or "men" or "women" or "children" or "dollars"
            or "euros" or "yen" or "shares" or "tons" or "tonnes" or "barrels" or "miles" or "kilometers" or "kilometres" or "feet" or "meters"
            or "metres" or "votes" or "cases" or "deaths" or "units" or "cars" or "jobs" or "employees" or "students" or "refugees" or "police"
            or "officers" or "delegates" or "points" or "pounds" or "acres" or "houses" or "homes" or "rounds" or "rockets" or "missiles"
            or "protesters" or "demonstrators" or "civilians" or "prisoners" or "casualties" or "victims" or "fighters" or "rebels"
            or "militants" or "migrants" or "passengers" or "patients" or "voters" or "copies" or "tanks" or "aircraft" or "vehicles";

    private bool StandaloneYearOk(int j, bool prefixed)
    {
        int n = _t[j].Number;
        if (prefixed)
        {
            return true;
        }

        if (j > 0 && (IsPunct(j - 1, '$') || IsPunct(j - 1, '#') || IsPunct(j - 1, '.') && j > 1 && _t[j - 2].Kind == TokenKind.Digits))
        {
            return false;
        }

        if (IsPunct(j + 1, '%') || IsWord(j + 1, "percent") || (IsPunct(j + 1, '.') && j + 2 < _t.Count && _t[j + 2].Kind == TokenKind.Digits && Adjacent(j + 1, j + 2))
            || (IsPunct(j + 1, ',') && j + 2 < _t.Count && _t[j + 2].Kind == TokenKind.Digits && Adjacent(j + 1, j + 2))
            || (IsPunct(j - 1, ',') && j > 1 && _t[j - 2].Kind == TokenKind.Digits && Adjacent(j - 2, j - 1)))
        {
            return false;
        }

        var prev = j > 0 ? Info(j - 1) : null;
        bool prep = prev is not null && (prev.Is(WordClass.Preposition) || prev.Is(WordClass.Determiner) || prev.Is(WordClass.Position) || prev.Is(WordClass.Month));
        if (j > 0 && _t[j - 1].Kind == TokenKind.Word && !_t[j].BreakBefore
            && ((prev is null && _t[j - 1].Upper) || IsWord(j - 1, "has") || IsWord(j - 1, "have") || IsWord(j - 1, "had") || IsWord(j - 1, "with")))
        {
            // "Resolution 1973", "Flight 1549", "Room 1989": a number in a name; "has 2015 members": a count.
            return false;
        }

        if (n is >= 1900 and <= 2099)
        {
            if (prep)
            {
                return true;
            }

            // A year stands alone before punctuation or a noun it modifies ("1990 levels"), not before
            // a counted noun ("2000 troops"): without a preposition, accept it only when nothing
            // that counts follows.
            if (j + 1 >= _t.Count || _t[j + 1].Kind == TokenKind.Punct || _t[j + 1].BreakBefore)
            {
                return !IsPunct(j + 1, '-') || !(j + 2 < _t.Count && _t[j + 2].Kind == TokenKind.Digits);
            }

            // A year modifying a noun ("the 1990 budget", "a 1971 convention"); a count ("2000 troops") is not a year.
            return !(_t[j + 1].Kind == TokenKind.Word && IsCountNoun(_text.AsSpan(_t[j + 1].Start, _t[j + 1].Length)))
                && !IsWord(j - 1, "than") && !IsWord(j - 1, "some") && !IsWord(j - 1, "nearly") && !IsWord(j - 1, "almost");
        }

        return prep && n is >= 1000 and <= 2099 && prev is not null && !prev.Is(WordClass.Determiner) && !IsWord(j - 1, "to") && !IsWord(j - 1, "and") && !IsWord(j - 1, "of") && !IsWord(j - 1, "about") && !IsWord(j - 1, "around") && !IsWord(j - 1, "than") && !IsWord(j - 1, "for") && !IsWord(j - 1, "at");
    }

    private bool DayNumber(int j, out int day, out int next)
    {
        day = 0;
        next = j;
        if (j >= _t.Count || _t[j].Kind != TokenKind.Digits || _t[j].Length > 2 || _t[j].Number is < 1 or > 31)
        {
            return false;
        }

        day = _t[j].Number;
        next = j + 1;
        if (next < _t.Count && Adjacent(j, next) && (IsWord(next, "st") || IsWord(next, "nd") || IsWord(next, "rd") || IsWord(next, "th")))
        {
            next++;
        }
        else if (next < _t.Count && Adjacent(j, next) && _t[next].Kind == TokenKind.Word)
        {
            return false;
        }

        if ((IsPunct(next, ':') && next + 1 < _t.Count && _t[next + 1].Kind == TokenKind.Digits && Adjacent(next, next + 1)) || IsPunct(next, '%') || (IsPunct(next, '.') && next + 1 < _t.Count && _t[next + 1].Kind == TokenKind.Digits && Adjacent(next, next + 1)))
        {
            return false;
        }

        return true;
    }

    /// <summary>A year in words, as transcripts write them: "nineteen ninety-four", "nineteen eighty", "nineteen
    /// oh five", "twenty ten"; "two thousand" only after "the year" (elsewhere it counts things).</summary>
    private bool SpelledYear(int j, out int year, out int next)
    {
        year = 0;
        next = j;
        if (IsWord(j, "two") && IsWord(j + 1, "thousand") && IsWord(j - 1, "year"))
        {
            year = 2000;
            next = j + 2;
            if (IsWord(next, "and"))
            {
                next++;
            }

            if (Info(next) is { } ones && ones.Is(WordClass.Number) && ones.Number is > 0 and < 20 && _t[next].Kind == TokenKind.Word && !IsWord(next, "a") && !IsWord(next, "an"))
            {
                year += ones.Number;
                next++;
            }
            else if (IsWord(next - 1, "and"))
            {
                next--;
            }

            return true;
        }

        if (Info(j) is not { } hi || !hi.Is(WordClass.Number) || hi.Number is not (18 or 19 or 20) || _t[j].Kind != TokenKind.Word)
        {
            return false;
        }

        int k = j + 1;
        int low;
        if (IsWord(k, "hundred"))
        {
            low = 0;
            k++;
        }
        else if (IsWord(k, "oh") && Info(k + 1) is { } o && o.Is(WordClass.Number) && o.Number is > 0 and < 10 && !IsWord(k + 1, "a") && !IsWord(k + 1, "an"))
        {
            low = o.Number;
            k += 2;
        }
        else if (Info(k) is { } t && t.Is(WordClass.Tens) && !_t[k].BreakBefore)
        {
            low = t.Number;
            k++;
            if (IsPunct(k, '-') && Adjacent(k - 1, k) && Info(k + 1) is { } ones && ones.Is(WordClass.Number) && ones.Number is > 0 and < 10 && !IsWord(k + 1, "a") && !IsWord(k + 1, "an"))
            {
                low += ones.Number;
                k += 2;
            }
        }
        else if (Info(k) is { } teen && teen.Is(WordClass.Number) && teen.Number is >= 10 and < 20 && _t[k].Kind == TokenKind.Word && !_t[k].BreakBefore)
        {
            low = teen.Number;
            k++;
        }
        else
        {
            return false;
        }

        // "nineteen twenty-year-olds", "nineteen forty days": a count, not a year.
        if (IsPunct(k, '-') || (Info(k) is { } after && (after.Is(WordClass.Unit) || after.Is(WordClass.Number))) || (k < _t.Count && _t[k].Kind == TokenKind.Word && !_t[k].BreakBefore && IsCountNoun(_text.AsSpan(_t[k].Start, _t[k].Length))))
        {
            return false;
        }

        year = (hi.Number * 100) + low;
        next = k;
        return true;
    }

    private bool YearNumber(int j, out int year)
    {
        year = 0;
        if (j >= _t.Count || _t[j].Kind != TokenKind.Digits || _t[j].Length != 4 || _t[j].Number is < 1000 or > 2099)
        {
            return false;
        }

        if (j + 1 < _t.Count && Adjacent(j, j + 1) && _t[j + 1].Kind == TokenKind.Word)
        {
            return false;
        }

        year = _t[j].Number;
        return true;
    }

    private bool IsQuarterWord(int j) => IsWord(j, "quarter") || IsWord(j, "half") || IsWord(j, "period");

    private bool IsOrdinal(int j) => Info(j) is { } o && o.Is(WordClass.Ordinal) && o.Ordinal is >= 1 and <= 4;

    private bool IsAbbreviation(int i) => _text[_t[i].End - 1] == '.';

    private bool FollowedByTimeNoun(int j) =>
        Info(j) is { } u && (u.Is(WordClass.Unit) || u.Is(WordClass.Month) || u.Is(WordClass.Season) || IsWord(j, "fiscal")
            || (u.Is(WordClass.Number) && (!(IsWord(j, "a") || IsWord(j, "an")) || (Info(j + 1) is { } n && n.Is(WordClass.Unit)))));

    private bool NextIsWord(int j) => j < _t.Count && _t[j].Kind == TokenKind.Word && !_t[j].BreakBefore;

    // ---- helpers --------------------------------------------------------------------------

    private WordInfo? Info(int j) => j >= 0 && j < _t.Count ? _t[j].Info : null;

    private bool IsWord(int j, string word) =>
        j >= 0 && j < _t.Count && _t[j].Kind == TokenKind.Word && _text.AsSpan(_t[j].Start, _t[j].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"this year", "last year", "next year" at <paramref name="j"/>: how many years from the reference year.</summary>
    private bool YearShift(int j, out int shift)
    {
        shift = IsWord(j, "last") ? -1 : IsWord(j, "next") ? 1 : 0;
        return (shift != 0 || IsWord(j, "this")) && IsWord(j + 1, "year");
    }

    private bool IsPunct(int j, char ch) => j >= 0 && j < _t.Count && _t[j].Kind == TokenKind.Punct && _text[_t[j].Start] == ch;

    private bool Adjacent(int a, int b) => a >= 0 && b < _t.Count && _t[a].End == _t[b].Start;

    private static Candidate Make(int first, int end, TimePoint p, string? mod) =>
        new(first, end, TimexType.Date, p.ToTimexValue(), mod, p, Tense.Unknown);

    private TimePoint AnchorOrRef(TimeUnit unit)
    {
        var g = Gran(unit);
        if (_context.LastMentioned is { } last && last.Granularity <= g)
        {
            return new TimePoint(last.Date, g);
        }

        return new TimePoint(Ref ?? new DateOnly(1, 1, 1), g);
    }

    private static Granularity Gran(TimeUnit unit) => unit switch
    {
        TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => Granularity.Day,
        TimeUnit.Weekend => Granularity.Weekend,
        TimeUnit.Week or TimeUnit.Fortnight => Granularity.Week,
        TimeUnit.Month => Granularity.Month,
        TimeUnit.Quarter => Granularity.Quarter,
        TimeUnit.Half => Granularity.Half,
        TimeUnit.Decade => Granularity.Decade,
        TimeUnit.Century => Granularity.Century,
        _ => Granularity.Year,
    };

    private static DateOnly Shift(DateOnly d, TimeUnit unit, int n) => unit switch
    {
        TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => d.AddDays(n),
        TimeUnit.Week or TimeUnit.Weekend => d.AddDays(7 * n),
        TimeUnit.Fortnight => d.AddDays(14 * n),
        TimeUnit.Month => d.AddMonths(n),
        TimeUnit.Quarter => d.AddMonths(3 * n),
        TimeUnit.Half => d.AddMonths(6 * n),
        TimeUnit.Decade => d.AddYears(10 * n),
        TimeUnit.Century => d.AddYears(100 * n),
        _ => d.AddYears(n),
    };

    private static string Underspecified(Granularity g) => g switch
    {
        Granularity.Day => "XXXX-XX-XX",
        Granularity.Week => "XXXX-WXX",
        Granularity.Weekend => "XXXX-WXX-WE",
        Granularity.Month => "XXXX-XX",
        Granularity.Quarter => "XXXX-QX",
        Granularity.Half => "XXXX-HX",
        Granularity.Decade => "XXXX",
        _ => "XXXX",
    };

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static int SeasonIndex(int month) => month switch
    {
        12 or 1 or 2 => 0,
        3 or 4 or 5 => 1,
        6 or 7 or 8 => 2,
        _ => 3,
    };

    private static string SeasonCode(int seasonMonth) => seasonMonth switch
    {
        3 => "SP",
        6 => "SU",
        9 => "FA",
        _ => "WI",
    };

    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static string Two(int n) => n.ToString("D2", CultureInfo.InvariantCulture);
}
