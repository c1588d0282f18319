using CommitteePapers.Styles;
using PublicHoliday;

namespace CommitteePapers.Packs;

/// <summary>
/// Clear working days in one nation of the United Kingdom: weekends and bank holidays are not working days, and
/// neither the day of publication nor the day of the meeting counts (Local Government Act 1972, s.100B: five clear
/// days). The bank holidays, the substitute days and the one-off days by proclamation (jubilees, the State Funeral, the
/// Coronation) come from the PublicHoliday package, for the nation the house style names.
/// </summary>
internal sealed class WorkingDays(Nation nation)
{
    // An instance per nation: the package's static UKBankHoliday.BankHolidays(year) is always England's.
    private readonly UKBankHoliday holidays = new(nation switch
    {
        Nation.Wales => UKBankHoliday.UkCountries.Wales,
        Nation.Scotland => UKBankHoliday.UkCountries.Scotland,
        Nation.NorthernIreland => UKBankHoliday.UkCountries.NorthernIreland,
        _ => UKBankHoliday.UkCountries.England,
    });

    public int ClearBetween(DateOnly published, DateOnly meeting)
    {
        var count = 0;
        for (var day = published.AddDays(1); day < meeting; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }

        return count;
    }

    // The bank holidays of each year asked for. A pack asks about a few weeks, so this holds a year or two.
    private readonly Dictionary<int, HashSet<DateOnly>> years = [];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays(day.Year).Contains(day);

    // From the year's list, not the package's IsPublicHoliday(date): in 3.17.0 that answers false for Monday
    // 4 June 2012 (the late May holiday moved for the Diamond Jubilee) although PublicHolidays(2012) lists it, and
    // is the only day from 2000 to 2040, in any nation, on which the two disagree.
    private HashSet<DateOnly> BankHolidays(int year)
    {
        if (!years.TryGetValue(year, out var days))
        {
            days = holidays.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
            years[year] = days;
        }

        return days;
    }
}
