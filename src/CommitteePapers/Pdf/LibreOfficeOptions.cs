namespace CommitteePapers.Pdf;

/// <summary>Where LibreOffice is and how long one run of it may take. Immutable, so one instance can be shared.</summary>
internal sealed record LibreOfficeOptions
{
    /// <summary>The environment variable that names the soffice to use when <see cref="SofficePath"/> is not set (tests use it).</summary>
    public const string SofficeVariable = "COMMITTEE_PAPERS_SOFFICE";

    /// <summary>soffice from the environment variable or PATH, a two-minute limit, the system's temporary folder.</summary>
    public static LibreOfficeOptions Default { get; } = new();

    /// <summary>The soffice program to run; when null, <see cref="SofficeVariable"/> and then PATH are searched.</summary>
    public string? SofficePath { get; init; }

    /// <summary>How long one soffice run may take before its whole process tree is stopped. It is then tried once more.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Where each run makes (and afterwards deletes) its private folder; the system's temporary folder when null.</summary>
    public string? TemporaryFolder { get; init; }
}
