namespace ChainLink.Application.Skills;

/// <summary>
/// Folds text so that the ways people type the same term meet: full-width Latin and digits become
/// ASCII, Latin is lower-cased, common traditional characters of skill vocabulary become simplified,
/// whitespace runs collapse and invisible characters disappear. Every kept character remembers the
/// index of the original character it came from, so a match in the folded text maps back to a span of
/// the original string (which may hold emoji, controls and surrogate pairs).
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Fold result for characters that are dropped (zero-width, BOM, most controls).</summary>
    private const char Drop = '\0';

    private static readonly char[] Fold = BuildFoldTable();

    /// <summary>Folds <paramref name="text"/> into <paramref name="chars"/>; <paramref name="origin"/>[i] is the original index of chars[i].</summary>
    public static int Normalize(string text, char[] chars, int[] origin)
    {
        var n = 0;
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char folded;
            if (char.IsSurrogate(c))
            {
                // Emoji and other astral characters never occur in skill terms: they separate words.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                folded = ' ';
            }
            else
            {
                folded = Fold[c];
                if (folded == Drop) continue;
            }
            if (folded == ' ')
            {
                if (lastWasSpace) continue;
                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }
            chars[n] = folded;
            origin[n] = i;
            n++;
        }
        if (n > 0 && chars[n - 1] == ' ') n--;
        return n;
    }

    /// <summary>The folded form of a dictionary term, compared with folded text.</summary>
    public static string NormalizeTerm(string term)
    {
        var chars = new char[term.Length];
        var origin = new int[term.Length];
        var n = Normalize(term, chars, origin);
        return new string(chars, 0, n);
    }

    /// <summary>Latin letters and digits, whose terms must start and end on a word boundary.</summary>
    public static bool IsWordChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsCjk(c);

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                '\n' or '\r' => '\n',
                >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
                '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => Drop,
                '\u3002' or '\uFF61' => '。',
                '\u2014' or '\u2013' or '\u2012' or '\u2010' or '\u2011' => '-',
                '\u201C' or '\u201D' or '\u300C' or '\u300D' or '\u300E' or '\u300F' => '"',
                '\u2018' or '\u2019' => '\'',
                '\u3010' or '\u3014' => '[',
                '\u3011' or '\u3015' => ']',
                _ when char.IsWhiteSpace(c) => ' ',
                _ when char.IsControl(c) => ' ',
                _ when char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format => Drop,
                _ => char.ToLowerInvariant(c),
            };
        }
        foreach (var (traditional, simplified) in TraditionalPairs()) table[traditional] = simplified;
        return table;
    }

    /// <summary>
    /// Traditional characters common in job ads and skill names, each with its one simplified form.
    /// Characters whose simplification depends on the word (e.g. 乾, 髮, 後) are left out on purpose.
    /// </summary>
    private static IEnumerable<(char, char)> TraditionalPairs()
    {
        const string traditional = "電機維護運統計術業設備檢測數據網絡開發風儲氫車輸線變壓類醫藥會財務銷營導礦煉鋼鐵裝調試驗質圖畫繪製編軟體雲點協團隊溝語動熱處環險無駕駛農藝養獸產倉庫貨專職證書優須經際貿飛攝採購條診斷傳儀錶氣態監輔級組區塊鏈築構預腦戶場廠鍋爐學習員師從與為關實應標準規範訓練療復衛劑護換節溫濕鑄鍛輪軸齒測資訊號碼廣檔錄將擁責階層歷練歲達項獲績"
            + "夠縣聯絡線換幣價領銀賬稅審議"
            + "壓紅綠藍黃機電廳";
        const string simplified = "电机维护运统计术业设备检测数据网络开发风储氢车输线变压类医药会财务销营导矿炼钢铁装调试验质图画绘制编软体云点协团队沟语动热处环险无驾驶农艺养兽产仓库货专职证书优须经际贸飞摄采购条诊断传仪表气态监辅级组区块链筑构预脑户场厂锅炉学习员师从与为关实应标准规范训练疗复卫剂护换节温湿铸锻轮轴齿测资讯号码广档录将拥责阶层历练岁达项获绩"
            + "够县联络线换币价领银账税审议"
            + "压红绿蓝黄机电厅";
        for (var i = 0; i < traditional.Length; i++) yield return (traditional[i], simplified[i]);
    }
}
