using System.Globalization;
using System.Net;
using System.Text;
using ChainLink.Application.Dashboard;
using ChainLink.Application.WhitePapers;
using ChainLink.Domain.Dashboard;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace ChainLink.Infrastructure.WhitePapers;

/// <summary>
/// The white paper as a .docx (Open XML SDK; Chinese font declared in the document defaults and the font table, so Word
/// and LibreOffice pick a CJK face) and as a printable HTML page with the same sections, tables and charts.
/// </summary>
internal sealed class WhitePaperRenderer : IWhitePaperRenderer
{
    public const string Font = "WenQuanYi Micro Hei";

    private static readonly string[] OutcomeHeaders = ["名称", "院校数", "毕业生", "就业率", "专业相关度", "稳定率", "起薪中位数（元/月）", "经合作确认录用"];

    public byte[] Docx(WhitePaperContent c)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            var body = new Body();
            body.Append(Heading($"《{c.Title}》", 36, JustificationValues.Center));
            body.Append(Heading($"{c.ScopeName} · {c.Year} 届{(c.CollegeOwnUse ? "（本院校自用）" : "")}", 28, JustificationValues.Center));
            foreach (var section in Sections(c))
            {
                body.Append(Heading(section.Title, 28, JustificationValues.Left));
                foreach (var text in section.Paragraphs) body.Append(Text(text));
                if (section.Table is { } table) body.Append(Table(table.Headers, table.Rows));
                if (section.Chart is { } chart) body.Append(Image(main, chart.Png, chart.Width, chart.Height, section.Title));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1200U, Bottom = 1440, Left = 1200U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public byte[] Html(WhitePaperContent c)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Encode(c.Title)).Append("</title><style>")
            .Append("body{font-family:'").Append(Font).Append("','Microsoft YaHei','PingFang SC',sans-serif;max-width:800px;margin:2em auto;line-height:1.6}")
            .Append("h1,h2.sub{text-align:center}table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #888;padding:4px 6px;text-align:left}")
            .Append("img{max-width:100%}@media print{body{margin:0}h2{page-break-after:avoid}table,img{page-break-inside:avoid}}")
            .Append("</style></head><body>");
        html.Append("<h1>《").Append(Encode(c.Title)).Append("》</h1><h2 class=\"sub\">").Append(Encode($"{c.ScopeName} · {c.Year} 届{(c.CollegeOwnUse ? "（本院校自用）" : "")}")).Append("</h2>");
        foreach (var section in Sections(c))
        {
            html.Append("<h2>").Append(Encode(section.Title)).Append("</h2>");
            foreach (var text in section.Paragraphs) html.Append("<p>").Append(Encode(text)).Append("</p>");
            if (section.Table is { } table)
            {
                html.Append("<table><thead><tr>");
                foreach (var h in table.Headers) html.Append("<th>").Append(Encode(h)).Append("</th>");
                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
            }
            if (section.Chart is { } chart)
                html.Append("<img alt=\"").Append(Encode(section.Title)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png)).Append("\">");
        }
        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private sealed record SectionTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

    private sealed record Chart(byte[] Png, int Width, int Height);

    private sealed record Section(string Title, IReadOnlyList<string> Paragraphs, SectionTable? Table, Chart? Chart);

    /// <summary>The sections both layouts show, in order, with their numbers already written as people read them.</summary>
    private static IEnumerable<Section> Sections(WhitePaperContent c)
    {
        var t = c.Total;
        yield return new Section("一、总体就业情况",
        [
            t.Suppressed
                ? $"本范围的毕业生数据来自过少院校，按公布规则不予公布（{t.SuppressionReason}）。"
                : $"{c.Year} 届毕业生 {t.Graduates} 人，毕业半年后就业 {t.EmployedAtSixMonths} 人，就业率 {Percent(t.EmploymentRate)}；专业相关度 {Percent(t.RelevanceRate)}，"
                  + $"一年后仍在首份工作单位的比例（稳定率）{Percent(t.RetentionRate)}，起薪中位数 {Money(t.MedianStartingPay)} 元/月。其中经合作企业确认录用 {t.VerifiedHires} 人。",
            $"数据为院校填报的按专业汇总数据，不含个人信息；合作成果只计合作双方均已确认的记录（方法 {c.MethodologyVersion}，见 docs/integration-dashboard.md）。",
        ], null, null);
        yield return new Section("二、分盟市就业质量", c.CollegeOwnUse ? [] : ["院校少于 3 所或最大的 2 所院校占比过高的盟市不予公布。"],
            OutcomeTable(c.ByRegion), BarChart("毕业半年后就业率（%）", c.ByRegion.Where(r => r.EmploymentRate is not null).Select(r => (r.Name, r.EmploymentRate!.Value * 100))));
        yield return new Section("三、分专业大类就业质量", [], OutcomeTable(c.ByMajorClass),
            BarChart("毕业半年后就业率（%）", c.ByMajorClass.Where(r => r.EmploymentRate is not null).Select(r => (r.Name, r.EmploymentRate!.Value * 100))));
        var graduates = c.Alignment.Rows.Where(r => r.Key.StartsWith("graduates:", StringComparison.Ordinal) && !r.Key.EndsWith(":share", StringComparison.Ordinal)).ToList();
        yield return new Section("四、培养与产业需求的匹配", [.. c.Alignment.Notes],
            new SectionTable(["指标", "人数", "占比"], [.. graduates.Select(r => (IReadOnlyList<string>)[r.Label, Number(r.Value),
                Percent(c.Alignment.Rows.Single(s => s.Key == r.Key + ":share").Value)])]),
            BarChart("毕业生按所对应职业的供需状态（人）", graduates.Select(r => (r.Label.Replace("毕业生：", "", StringComparison.Ordinal), r.Value ?? 0))));
        var roi = c.Roi.Rows.Single(r => r.Key == "roi");
        var completeness = c.Returns.Completeness;
        yield return new Section("五、校企合作成果",
        [
            $"本年度合作协议 {Number(c.Structure.Rows.Single(r => r.Key == "agreements").Value)} 项，其中实体运作占 {Percent(c.Structure.Rows.Single(r => r.Key == "entityShare").Value)}。",
            roi.Value is { } central
                ? $"企业投入回报率（ROI）{central.ToString("0.00", CultureInfo.InvariantCulture)} 倍，敏感性区间 {roi.Low?.ToString("0.00", CultureInfo.InvariantCulture)}–{roi.High?.ToString("0.00", CultureInfo.InvariantCulture)} 倍。"
                : "没有已确认的企业投入，ROI 无法计算。",
            $"数据完整度：本年填报的成果记录中已确认 {Percent(completeness.ConfirmedShare)}，有异议 {Percent(completeness.DisputedShare)}，待确认 {Percent(completeness.AwaitingShare)}。",
        ], new SectionTable(["成果", "数量", "单位"], [.. c.Returns.Rows.Select(r => (IReadOnlyList<string>)[r.Label, Number(r.Value), r.Unit])]), null);
    }

    private static SectionTable OutcomeTable(IReadOnlyList<GraduateOutcomeAggregateDto> cells) => new(OutcomeHeaders,
        [.. cells.Select(r => (IReadOnlyList<string>)(r.Suppressed
            ? [r.Name, "不予公布", "—", "—", "—", "—", "—", "—"]
            : [r.Name, Number(r.Colleges), Number(r.Graduates), Percent(r.EmploymentRate), Percent(r.RelevanceRate), Percent(r.RetentionRate),
                Money(r.MedianStartingPay), Number(r.VerifiedHires)]))]);

    private static Chart? BarChart(string title, IEnumerable<(string Label, double Value)> bars)
    {
        var data = bars.ToList();
        if (data.Count == 0) return null;
        const int width = 1100, height = 440;
        var plot = new ScottPlot.Plot();
        plot.Font.Set(Font);
        plot.Add.Bars(data.Select(d => d.Value).ToArray());
        // "大类" on every major-class label only crowds the axis; the section title says what the bars are.
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, data.Count).Select(i => (double)i)],
            [.. data.Select(d => d.Label.EndsWith("大类", StringComparison.Ordinal) ? d.Label[..^2] : d.Label)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        return new Chart(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png), width, height);
    }

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Money(double? yuan) => yuan is { } y ? y.ToString("#,0", CultureInfo.InvariantCulture) : "—";

    private static string Number(double? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font },
                new FontSize { Val = "21" },
                new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "320", LineRule = LineSpacingRuleValues.Auto }))));
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(new DocumentFormat.OpenXml.Wordprocessing.Font(
            new AltName { Val = "文泉驿微米黑" }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Swiss })
        { Name = Font });
    }

    private static Paragraph Heading(string text, int halfPoints, JustificationValues justification) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = justification }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text)));

    private static Paragraph Text(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static TableCell Cell(string text, bool bold) => new(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text))));
        // Schema order: width before borders, borders top-left-bottom-right, the grid before the rows.
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders),
            new TableGrid([.. headers.Select(_ => new GridColumn { Width = (9506 / headers.Count).ToString(CultureInfo.InvariantCulture) })]));
        table.Append(new TableRow([.. headers.Select(h => Cell(h, true))]));
        foreach (var row in rows) table.Append(new TableRow([.. row.Select(v => Cell(v, false))]));
        return table;
    }

    /// <summary>An inline picture: the PNG as an image part, drawn at 6 inches wide.</summary>
    private static Paragraph Image(MainDocumentPart main, byte[] png, int width, int height, string title)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png)) part.FeedData(stream);
        var id = main.GetIdOfPart(part);
        var cx = 6L * 914400;
        var cy = cx * height / width;
        var number = (UInt32Value)(uint)(main.ImageParts.Count());
        var drawing = new Drawing(new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Dw.DocProperties { Id = number, Name = $"图 {number}", Description = title },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"chart{number}.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new Run(drawing));
    }
}
