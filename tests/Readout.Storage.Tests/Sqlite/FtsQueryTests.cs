using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("abe putin", "\"abe\" \"putin\"")]
    [InlineData("\"peace treaty\" talks", "\"peace treaty\" \"talks\"")]
    [InlineData("dvork*", "\"dvork\"*")]
    [InlineData("\"kuril isl\"*", "\"kuril isl\"*")]
    [InlineData("OR japan OR OR russia OR", "\"japan\" OR \"russia\"")]
    [InlineData("or japan", "\"or\" \"japan\"")]
    [InlineData("say \"hi", "\"say\" \"hi\"")]
    [InlineData("a\"\"b", "\"a\" \"b\"")]
    [InlineData("it's (U.S.)", "\"it's\" \"(U.S.)\"")]
    [InlineData("x\"y z", "\"x\" \"y z\"")]
    [InlineData("\"a\0b\"", "\"a b\"")] // found by the property test: NUL ended the FTS5 query early
    [InlineData("a\u0007b", "\"a\" \"b\"")]
    public void Build_UserText_QuotedTerms(string input, string expected)
    {
        Assert.Equal(expected, FtsQuery.Build(input, "q"));
    }

}
