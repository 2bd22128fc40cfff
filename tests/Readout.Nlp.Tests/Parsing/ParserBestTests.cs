using Readout.Nlp.Parsing;

namespace Readout.Nlp.Tests.Parsing;

public class ParserBestTests
{
    [Theory]
    [InlineData(5, 2)]
    [InlineData(5, 0)]
    [InlineData(5, -1)]
    [InlineData(40, 17)]
    public void Best_WithoutCosts_SameAsCheckingEveryClass(int labels, int rootLabel)
    {
        // Without costs the parser walks the legal ranges; with costs that allow every class it checks each class
        // with IsLegal. Scores from a few values make many ties, so the first of equals must agree too.
        var random = new Random(labels * 100 + rootLabel);
        int classes = 1 + (2 * labels);
        var scores = new float[classes];
        var allowAll = new int[classes];
        for (int sentence = 0; sentence < 200; sentence++)
        {
            var state = new ParserState(random.Next(1, 12));
            while (!state.IsTerminal)
            {
                for (int c = 0; c < classes; c++)
                {
                    scores[c] = random.Next(4);
                }

                int walked = ParserModel.Best(state, scores, labels, rootLabel, [], 0);
                int checkedEach = ParserModel.Best(state, scores, labels, rootLabel, allowAll, 0);
                Assert.Equal(checkedEach, walked);
                if (walked < 0)
                {
                    break;
                }

                state.Apply(walked, labels);
            }
        }
    }
}
