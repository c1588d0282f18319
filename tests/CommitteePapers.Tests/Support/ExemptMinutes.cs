namespace CommitteePapers.Tests.Support;

/// <summary>Minutes with one exempt minute, for the tests of their public and private versions (as files, as PDFs, in packs).</summary>
internal static class ExemptMinutes
{
    /// <summary>Minutes with one exempt minute, whose every text is listed in <see cref="Texts"/>.</summary>
    public const string Yaml = """
        # yaml-language-server: $schema=committee-paper.schema.json
        paper: minutes
        style: york
        committee: Executive
        date: 2024-03-12
        first-minute: 120
        present: {chair: Hart, members: [Khan, Lowe]}
        items:
          - standard: declarations-of-interest
            paragraphs: [There were no declarations of interest.]
          - title: Library opening hours
            resolved: That the library opening hours be extended from September.
            reason: To meet demand in the evenings.
          - standard: exclusion-of-press-and-public
            resolved: That the press and public be excluded for the following item under paragraph 3 of Schedule 12A.
          - title: Contract award for removals
            exempt: 3
            paragraphs:
              - The preferred bidder is Acme Removals Limited, whose tender was 412,000 pounds.
            resolved:
              - That the contract be awarded to Acme Removals Limited for three years.
              - That the Director of Resources sign the contract by 31 March.
            reason: Acme Removals offered the lowest price and the best quality score.
        signed-by: Cllr Hart, Chair
        """;

    /// <summary>Every text of the exempt minute of <see cref="Yaml"/> (none may reach the public minutes).</summary>
    public static readonly string[] Texts =
    [
        "The preferred bidder is Acme Removals Limited, whose tender was 412,000 pounds.",
        "That the contract be awarded to Acme Removals Limited for three years.",
        "That the Director of Resources sign the contract by 31 March.",
        "Acme Removals offered the lowest price and the best quality score.",
        "Acme", "412,000", "Director of Resources", "lowest price",
    ];
}
