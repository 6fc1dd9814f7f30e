using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>The employment-quality white paper of last year (the demo's latest surveyed cohort) through the real pipeline.</summary>
[Collection(ApiCollection.Name)]
public sealed class WhitePaperTests(ChainLinkApiFactory api)
{
    private static readonly int Year = DateTime.UtcNow.Year - 1;
    private static readonly string Results = Path.Combine(AppContext.BaseDirectory, "TestResults", "white-paper");

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task The_docx_passes_the_open_xml_validator_and_states_the_same_figures_as_the_dashboard()
    {
        var government = await api.ClientForAsync(Government);
        var response = await government.GetAsync($"/api/white-papers?year={Year}&region=150000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Results);
        var file = Path.Combine(Results, $"white-paper-{Year}.docx");
        await File.WriteAllBytesAsync(file, bytes);

        string text;
        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.NotEmpty(document.MainDocumentPart!.ImageParts);
            Assert.Contains("WenQuanYi Micro Hei", document.MainDocumentPart.StyleDefinitionsPart!.Styles!.OuterXml, StringComparison.Ordinal);
            text = document.MainDocumentPart.Document!.Body!.InnerText;
        }
        Assert.Contains("职业院校毕业生就业质量白皮书", text, StringComparison.Ordinal);

        var content = await (await government.GetAsync($"/api/white-papers?year={Year}&region=150000&format=json")).JsonAsync(HttpStatusCode.OK);
        var dashboard = await (await government.GetAsync($"/api/dashboard?year={Year}&region=150000")).JsonAsync(HttpStatusCode.OK);
        foreach (var key in new[] { "roi", "returns", "structure", "alignment" })
        {
            var figure = dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);
            Assert.Equal(figure.GetProperty("rows").GetRawText(), content.GetProperty(key).GetProperty("rows").GetRawText());
        }
        var cells = await (await government.GetAsync($"/api/graduate-outcomes/aggregates?year={Year}&by=region")).JsonAsync(HttpStatusCode.OK);
        var graduates = cells.EnumerateArray().Sum(c => c.GetProperty("graduates").GetInt32());
        var employed = cells.EnumerateArray().Sum(c => c.GetProperty("employedAtSixMonths").GetInt32());
        Assert.Equal(graduates, content.GetProperty("total").GetProperty("graduates").GetInt32());
        Assert.Contains($"毕业生 {graduates} 人", text, StringComparison.Ordinal);
        Assert.Contains($"就业率 {Percent((double)employed / graduates)}", text, StringComparison.Ordinal);

        var html = Encoding.UTF8.GetString(await (await government.GetAsync($"/api/white-papers?year={Year}&region=150000&format=html")).Content.ReadAsByteArrayAsync());
        await File.WriteAllTextAsync(Path.Combine(Results, $"white-paper-{Year}.html"), html);
        Assert.Contains($"毕业生 {graduates} 人", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);

        RenderFirstPage(file);
    }

    [Fact]
    public async Task A_region_paper_withholds_small_cells_a_college_gets_its_own_in_full_and_an_enterprise_none()
    {
        var government = await api.ClientForAsync(Government);
        var region = await (await government.GetAsync($"/api/white-papers?year={Year}&region=150000&format=json")).JsonAsync(HttpStatusCode.OK);
        var byRegion = region.GetProperty("byRegion").EnumerateArray().ToList();
        Assert.Contains(byRegion, c => c.GetProperty("suppressed").GetBoolean() && c.GetProperty("graduates").ValueKind == JsonValueKind.Null);
        Assert.All(byRegion.Where(c => !c.GetProperty("suppressed").GetBoolean()), c => Assert.True(c.GetProperty("colleges").GetInt32() >= 3));

        var college = await api.ClientForAsync(College);
        var own = await (await college.GetAsync($"/api/white-papers?year={Year}&format=json")).JsonAsync(HttpStatusCode.OK);
        Assert.True(own.GetProperty("collegeOwnUse").GetBoolean());
        Assert.All(own.GetProperty("byRegion").EnumerateArray(), c => Assert.False(c.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(1, own.GetProperty("total").GetProperty("colleges").GetInt32());

        await (await (await api.ClientForAsync(Enterprise)).GetAsync($"/api/white-papers?year={Year}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await government.GetAsync($"/api/white-papers?year={Year}&format=pdf")).AssertFieldErrorAsync("format");
        await (await government.GetAsync($"/api/white-papers?year={Year}&college={Guid.NewGuid()}&format=json")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_freezes_the_bytes_with_their_hash_and_a_correction_is_a_new_revision_with_a_note()
    {
        var government = await api.ClientForAsync(Government);
        const string region = "150200";
        var first = await (await government.PostJsonAsync("/api/white-papers", new { year = Year, region })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        var url = $"/api/white-papers/editions/{first.GetProperty("id").GetGuid()}";
        var docx = await government.GetAsync(url);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal(first.GetProperty("docxSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{first.GetProperty("docxSha256").GetString()}\"", docx.Headers.ETag?.Tag);
        var html = await (await government.GetAsync($"{url}?format=html")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first.GetProperty("htmlSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(html)));

        var noNote = await (await government.PostJsonAsync("/api/white-papers", new { year = Year, region })).AssertFieldErrorAsync("note");
        Assert.Contains("更正说明", noNote.GetProperty("errors").GetProperty("note")[0].GetString(), StringComparison.Ordinal);
        var second = await (await government.PostJsonAsync("/api/white-papers", new { year = Year, region, note = "更正包头市一所院校的毕业生人数。" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal(bytes, await (await government.GetAsync(url)).Content.ReadAsByteArrayAsync());

        var enterprise = await api.ClientForAsync(Enterprise);
        var listed = await (await enterprise.GetAsync($"/api/white-papers/editions?year={Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([2, 1], listed.EnumerateArray().Where(e => e.GetProperty("scope").GetString() == region).Select(e => e.GetProperty("revision").GetInt32()));

        var college = await api.ClientForAsync(College);
        var own = await (await college.PostJsonAsync("/api/white-papers", new { year = Year })).JsonAsync(HttpStatusCode.Created);
        await (await enterprise.GetAsync($"/api/white-papers/editions/{own.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await government.GetAsync($"/api/white-papers/editions/{own.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await college.GetAsync($"/api/white-papers/editions/{own.GetProperty("id").GetGuid()}")).StatusCode);
    }

    /// <summary>
    /// Where LibreOffice is installed, the first page as PNG beside the .docx, to look at; skipped quietly where it is not.
    /// Through PDF: Debian's Writer-only LibreOffice has no PNG export filter, and poppler's pdftoppm draws the page.
    /// </summary>
    private static void RenderFirstPage(string docx)
    {
        var soffice = Tool("soffice") ?? Tool("libreoffice");
        if (soffice is null) return;
        Run(soffice, ["--headless", "--convert-to", "pdf", "--outdir", Results, docx]);
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF of {docx}.");
        if (Tool("pdftoppm") is not { } pdftoppm) return;
        Run(pdftoppm, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.ChangeExtension(docx, null)]);
        Assert.True(File.Exists(Path.ChangeExtension(docx, ".png")), $"pdftoppm drew no first page of {pdf}.");
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static void Run(string tool, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{Path.GetFileName(tool)} did not finish within 2 minutes.");
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
