namespace CommitteePapers.Packs;

/// <summary>
/// Clear working days in England and Wales: weekends and bank holidays are not working days, and neither the day of
/// publication nor the day of the meeting counts (Local Government Act 1972, s.100B: five clear days).
/// </summary>
internal static class WorkingDays
{
    public static int ClearBetween(DateOnly published, DateOnly meeting)
    {
        var count = 0;
        for (var day = published.AddDays(1); day < meeting; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }

        return count;
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays(day.Year).Contains(day);

    /// <summary>England and Wales bank holidays, with substitute days when one falls at a weekend.</summary>
    public static IReadOnlySet<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                days.Add(christmas.AddDays(2));
                days.Add(boxing.AddDays(2));
                break;
            case DayOfWeek.Sunday:
                days.Add(christmas.AddDays(2));
                days.Add(boxing);
                break;
            case DayOfWeek.Friday:
                days.Add(christmas);
                days.Add(boxing.AddDays(2));
                break;
            default:
                days.Add(christmas);
                days.Add(boxing);
                break;
        }

        // Bank holidays moved or added by proclamation.
        switch (year)
        {
            case 2012:
                days.Remove(LastMonday(year, 5));
                days.UnionWith([new DateOnly(2012, 6, 4), new DateOnly(2012, 6, 5)]);
                break;
            case 2020:
                days.Remove(FirstMonday(year, 5));
                days.Add(new DateOnly(2020, 5, 8));
                break;
            case 2022:
                days.Remove(LastMonday(year, 5));
                days.UnionWith([new DateOnly(2022, 6, 2), new DateOnly(2022, 6, 3), new DateOnly(2022, 9, 19)]);
                break;
            case 2023:
                days.Add(new DateOnly(2023, 5, 8));
                break;
        }

        return days;
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
