namespace CommitteePapers.Styles;

/// <summary>The house styles that come with the library.</summary>
public static class BuiltInStyles
{
    /// <summary>City of York Council: Arial 12, paragraphs numbered 1..N through every heading.</summary>
    public static HouseStyle York { get; } = new()
    {
        Name = "york",
        Council = "City of York Council",
        Numbering = NumberingScheme.Continuous,
        SubItemFormat = "%1)",
        Headings = new Dictionary<string, string>
        {
            ["summary"] = "Summary",
            ["council-plan"] = "Council Plan",
            ["implications"] = "Implications",
            ["risk-management"] = "Risk Management",
            ["recommendations"] = "Recommendations",
            ["contact"] = "Contact Details",
            ["wards"] = "Wards Affected:",
            ["background-papers"] = "Background Papers:",
            ["annexes"] = "Annexes:",
            ["abbreviations"] = "Abbreviations:",
            ["reason"] = "Reason:",
            ["author"] = "Author:",
            ["chief-officer"] = "Chief Officer Responsible for the report:",
            ["approved"] = "Report Approved",
            ["further-information"] = "For further information please contact the author of the report",
            ["financial"] = "Financial",
            ["human-resources"] = "Human Resources (HR)",
            ["equalities"] = "Equalities",
            ["legal"] = "Legal",
            ["crime-and-disorder"] = "Crime and Disorder",
            ["information-technology"] = "Information Technology (IT)",
            ["property"] = "Property",
            ["other"] = "Other",
        },
    };

    /// <summary>Every built-in style by name.</summary>
    public static IReadOnlyList<HouseStyle> All { get; } = [York];

    /// <summary>Finds a built-in style by name (case-insensitive).</summary>
    public static HouseStyle? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
