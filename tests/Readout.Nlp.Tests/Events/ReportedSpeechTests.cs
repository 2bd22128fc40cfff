using Readout.Core.Layers;
using Readout.Nlp.Tests.Samples;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// Reported speech with a recipient: "X told Y that Z" codes the telling (X→Y CONSULT, as the lexicon reads
/// "tell" and "inform") and the reported event Z with X as its attribution; "X told Y to …" is a REQUEST; a report
/// to nobody in particular ("told reporters") is only attribution. Each expected line is
/// <c>TYPE SRC&gt;TGT DATE modality by ATTRIBUTION-COUNTRY</c>, in text order.
/// </summary>
public class ReportedSpeechTests
{
    [Theory]
    [InlineData("Putin told Erdogan that Russia would supply gas to Turkey.",
        "CONSULT RUS>TUR 2024-06-15 asserted by -", "AID RUS>TUR 2024-06-15 planned by RUS")]
    [InlineData("Lavrov told his Chinese counterpart that Moscow supports Beijing's position.",
        "CONSULT RUS>CHN 2024-06-15 asserted by -", "SUPPORT RUS>CHN 2024-06-15 asserted by RUS")]
    [InlineData("Macron informed Scholz that France would withdraw troops from Mali.",
        "CONSULT FRA>DEU 2024-06-15 asserted by -", "RETREAT FRA>MLI 2024-06-15 planned by FRA")]
    [InlineData("Kishida told Putin on Sunday that Japan will send aid to Syria.",
        // Sunday dates the telling; the aid is still to come, so it keeps the report's publication date
        "CONSULT JPN>RUS 2024-06-09 asserted by -", "AID JPN>SYR 2024-06-15 planned by JPN")]
    [InlineData("Xi told Biden that China would not supply weapons to Russia.",
        "CONSULT CHN>USA 2024-06-15 asserted by -", "AID CHN>RUS 2024-06-15 negated by CHN")]
    [InlineData("Russia will send troops to Belarus, Putin told Lukashenko on Friday.",
        "MOBILIZE RUS>BLR 2024-06-15 planned by RUS", "CONSULT RUS>BLR 2024-06-14 asserted by -")]
    [InlineData("Biden told Netanyahu to halt the offensive.",
        "REQUEST USA>ISR 2024-06-15 asserted by -")]
    [InlineData("The Chinese foreign minister told reporters that China would never attack Vietnam.",
        "ASSAULT CHN>VNM 2024-06-15 negated by CHN")]
    [InlineData("Modi assured Hasina that India would provide loans to Bangladesh.",
        "AGREE IND>BGD 2024-06-15 asserted by -", "AID IND>BGD 2024-06-15 planned by IND")]
    [InlineData("Kishida said Japan will impose sanctions on Russia.",
        "SANCTION JPN>RUS 2024-06-15 planned by JPN")]
    public void Process_ReportedSpeech_CodesTheTellingAndTheReportedEventWithItsSpeaker(string text, params string[] expected)
    {
        var events = StandardPipeline.Run(text, new DateOnly(2024, 6, 15)).Get(LayerKeys.Events);

        Assert.Equal(expected, events.Select(e => $"{EventSpecTests.Describe(e)} by {e.Attribution?.Actor.Country ?? "-"}"));
    }
}
