namespace CommitteePapers.Pdf;

/// <summary>One document to convert: the Word file to read and the PDF file to write.</summary>
/// <param name="Docx">The Word document (.docx) to read.</param>
/// <param name="Pdf">Where the PDF goes; an existing file there is replaced only by a complete PDF.</param>
internal sealed record PdfJob(string Docx, string Pdf);

/// <summary>What a conversion gave.</summary>
/// <param name="Succeeded">True when every document was converted.</param>
/// <param name="OutputPaths">The PDFs written, in the order they were asked for. When some documents failed the others are still written.</param>
/// <param name="Message">What happened, in words a user can act on; for a failure it says what failed and includes LibreOffice's own error output.</param>
internal sealed record PdfConversionResult(bool Succeeded, IReadOnlyList<string> OutputPaths, string Message)
{
    internal static PdfConversionResult Failed(string message) => new(false, [], message);
}
