using System.Text.RegularExpressions;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// The complainant's name as people give it: "我叫陈建国", "我是张女士", "免贵姓黄，黄先生", "我姓陈" (the surname only:
/// stored as 陈先生/女士 unless they said which, as the issue asks: "per the customer's wording"), "叫我小陈就行",
/// "My name is David Chen", "I'm Mrs Chen", "My surname is Chen" (Mr/Ms Chen). A weak opener ("我是…", "本人…")
/// counts only before a name jieba tags as a person (nr) or a known surname, so "我是业主" is not a name.
/// </summary>
public static partial class NameReader
{
    // The common Chinese surnames (百家姓, the most frequent ones) and the compound ones people still carry.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱" +
        "江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童" +
        "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应" +
        "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚" +
        "花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇" +
        "公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "端木", "西门", "南宫"];

    public static bool IsSurname(string text) => text.Length switch
    {
        1 => Surnames.Contains(text[0], StringComparison.Ordinal),
        2 => CompoundSurnames.Contains(text),
        _ => false,
    };

    /// <summary>The name a (folded) message gives, or null. <paramref name="asked"/>: the text answers "your name?".</summary>
    public static Found? Read(string text, bool asked)
    {
        if (StrongChinese().Match(text) is { Success: true } strong && Clean(strong.Groups["name"].Value) is { } named)
            return At(strong.Groups["name"], named);
        if (Honorific().Matches(text).FirstOrDefault(m => IsSurname(m.Groups["s"].Value)) is { } polite)
            return At(polite.Groups["whole"], polite.Groups["s"].Value + Title(polite.Groups["t"].Value));
        if (WeakChinese().Match(text) is { Success: true } weak
            && PersonName(weak.Groups["name"].Value, text[(weak.Groups["name"].Index + weak.Groups["name"].Length)..]) is { } person)
            return new Found(new ReadValue(person, person), weak.Groups["name"].Index, person.Length);
        if (SurnameOnly().Match(text) is { Success: true } surname && IsSurname(surname.Groups["s"].Value))
        {
            var after = text[(surname.Index + surname.Length)..];
            var gender = GenderWord().Match(after.Length > 10 ? after[..10] : after);
            var title = gender.Success ? Title(gender.Value) : "先生/女士";
            return new Found(new ReadValue(surname.Groups["s"].Value + title, surname.Groups["s"].Value + title), surname.Index,
                surname.Length + (gender.Success ? gender.Index + gender.Length : 0));
        }
        if (Nickname().Match(text) is { Success: true } nick) return At(nick.Groups["name"], nick.Groups["name"].Value);
        if (EnglishSurname().Match(text) is { Success: true } english)
        {
            var title = english.Groups["t"].Success ? english.Groups["t"].Value : "Mr/Ms";
            var value = $"{title} {english.Groups["s"].Value}";
            return new Found(new ReadValue(value, value), english.Index, english.Length);
        }
        if (EnglishIntroduction().Match(text) is { Success: true } introduced) return At(introduced.Groups["name"], introduced.Groups["name"].Value.Trim());
        if (!asked) return null;
        // An answer to "your name?": short, no digits (that would be a phone number or a date).
        var bare = ConversationalFiller.Strip(text).TrimEnd('。', '.', '!', '！', '，', ',');
        if (bare.StartsWith("我是", StringComparison.Ordinal) || bare.StartsWith("我叫", StringComparison.Ordinal)) bare = bare[2..];
        return bare.Length is > 0 and <= 30 && !bare.Any(char.IsDigit) && !bare.Contains('@')
            ? new Found(new ReadValue(bare, bare), text.IndexOf(bare, StringComparison.Ordinal), bare.Length)
            : null;
    }

    private static Found At(Group group, string value) => new(new ReadValue(value, value), group.Index, group.Length);

    private static string Title(string word) => word switch
    {
        "先生" or "男" or "男的" => "先生",
        "Mr" or "Mrs" or "Ms" or "Miss" or "Dr" => word,
        _ => "女士",
    };

    private static string? Clean(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is >= 2 and <= 6 ? trimmed : null;
    }

    /// <summary>
    /// "我是X": X counts when it is 2-3 characters standing alone (before a comma, a number or a contact word) and starts
    /// with a known surname ("我是何建平，电话…"), or when jieba tags it a person (nr); "我是业主" and "我是3栋的" are not names.
    /// </summary>
    private static string? PersonName(string candidate, string after)
    {
        if (candidate.Length is >= 2 and <= 3 && IsSurname(candidate[..1]) && NameEnd().IsMatch(after)) return candidate;
        var words = ChineseWords.Tag(candidate);
        return words.Count > 0 && words[0].Flag.StartsWith("nr", StringComparison.Ordinal) && words[0].Word.Length is >= 2 and <= 4 ? words[0].Word : null;
    }

    [GeneratedRegex(@"^(?:[\s,，。.!！;；、\d]|电话|手机|联系|号码|邮箱|$)")]
    private static partial Regex NameEnd();

    // 我叫陈建国 / 名字是… / 姓名：…: the name runs to the next comma, digit or contact word.
    [GeneratedRegex(@"(?:名字(?:写错了?|错了|不对)[，,\s]*(?:是|应该是|叫)|我叫|我的名字是|我的名字叫|名字是|名字叫|名字应该是|姓名[是:：]?\s*|联系人[是:：]?\s*)(?<name>\p{IsCJKUnifiedIdeographs}{2,4}?)(?=[\s,，。.!！;；、\d]|电话|手机|联系|号码|邮箱|住|在|今天|昨天|前天|$)")]
    private static partial Regex StrongChinese();

    // 黄先生 / 张女士 at the start of a clause or after 我是/本人/免贵姓; 小姐 counts as 女士.
    [GeneratedRegex(@"(?<=^|[\s,，。.!！;；:：]|我是|本人|免贵姓|我姓|叫我)(?<whole>(?<s>\p{IsCJKUnifiedIdeographs}{1,2}?)(?<t>先生|女士|小姐))")]
    private static partial Regex Honorific();

    // 我是业主孙志刚 / 本人李强: a role word may stand between the opener and the name.
    [GeneratedRegex(@"(?:我是|本人)(?:这里的|小区的|\d+[栋号]楼?的)?(?:业主|住户|租户|居民|顾客|客户|老业主)?(?<name>\p{IsCJKUnifiedIdeographs}{2,3}?)(?=[\s,，。.!！;；、\d]|电话|手机|联系|号码|邮箱|$)|(?:我是|本人)(?<name>\p{IsCJKUnifiedIdeographs}{2,4})")]
    private static partial Regex WeakChinese();

    [GeneratedRegex(@"(?:我|本人|免贵|^|[\s,，。;；])姓(?<s>欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文|端木|西门|南宫|\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SurnameOnly();

    [GeneratedRegex(@"先生|女士|小姐|男的|女的|(?<![\p{IsCJKUnifiedIdeographs}])[男女](?![\p{IsCJKUnifiedIdeographs}])|是个?[男女]")]
    private static partial Regex GenderWord();

    [GeneratedRegex(@"叫我(?<name>[小老]\p{IsCJKUnifiedIdeographs}|\p{IsCJKUnifiedIdeographs}{2,3}?)(?=就|吧|好|$|[\s,，。.!！])")]
    private static partial Regex Nickname();

    [GeneratedRegex(@"(?i:my\s+(?:sur|family\s+|last\s+)name\s+is|surname:?)\s+(?:(?<t>Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?<s>[A-Z][a-z]+)")]
    private static partial Regex EnglishSurname();

    [GeneratedRegex(@"(?i:\bname\s+(?:is|was)\s+wrong,?\s+(?:it's|it\s+is|it\s+should\s+be)|\bmy\s+name\s+is|\bmy\s+name's|\bi\s+am|\bi'm|\bthis\s+is|\bcall\s+me|\bname:)\s+(?<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b")]
    private static partial Regex EnglishIntroduction();
}
