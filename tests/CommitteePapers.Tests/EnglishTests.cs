using CommitteePapers.Definition;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// The library's own English (Definition/English.cs), the same on every machine: with ICU, with Windows' NLS, and in
/// the invariant mode the NativeAOT tool runs in.
/// </summary>
public sealed class EnglishTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(31, "31st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    [InlineData(101, "101st")]
    public void Ordinals_are_english(int n, string expected) => Assert.Equal(expected, English.Ordinal(n));

    [Fact]
    public void Lists_have_no_oxford_comma()
    {
        Assert.Equal("Fenton", English.List(["Fenton"], "and"));
        Assert.Equal("Fenton and Webb", English.List(["Fenton", "Webb"], "and"));
        Assert.Equal("Daubeney, Fenton and Webb", English.List(["Daubeney", "Fenton", "Webb"], "and"));
        Assert.Equal("Daubeney, Fenton & Webb", English.List(["Daubeney", "Fenton", "Webb"], "&"));
    }

    [Fact]
    public void Dates_read_as_in_britain()
    {
        var date = new DateOnly(2024, 9, 4);
        Assert.Equal("Wednesday 4 September 2024", date.ToString("dddd d MMMM yyyy", English.Culture));
        Assert.Equal("4 Sept 2024", date.ToString("d MMM yyyy", English.Culture));
        Assert.Equal("2.30 pm", new TimeOnly(14, 30).ToString("h.mm tt", English.Culture));
        Assert.Equal("1,234,567.89", 1234567.891m.ToString("N2", English.Culture));
        Assert.Equal("-1,000", (-1000m).ToString("N0", English.Culture));
    }

    [Fact]
    public void Names_are_filed_by_their_letters_accents_and_case_aside()
    {
        string[] names = ["Oakes", "Évans", "O'Brien", "Dean", "de Souza", "Ó Briain", "evans", "Abbott", "McKay", "Mackay", "Şükrü", "Sykes"];
        var filed = names.Order(English.Names).ToArray();
        Assert.Equal(["Abbott", "de Souza", "Dean", "evans", "Évans", "Mackay", "McKay", "Ó Briain", "O'Brien", "Oakes", "Şükrü", "Sykes"], filed);
        // Whatever order they come in.
        Assert.Equal(filed, names.Reverse().Order(English.Names).ToArray());
    }
}
