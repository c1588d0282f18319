namespace CommitteePapers.Tests.Support;

/// <summary>Paths inside the repository, found from the test's own folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Example(string name, string file = "report.yaml") => Path.Combine(Examples, name, file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommitteePapers.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CommitteePapers.sln not found above " + AppContext.BaseDirectory);
    }
}
