using System.Text;

namespace OmniIntake.Dialogs.Extraction;

/// <summary>
/// What customers type folded to what the readers expect: full-width digits, letters and signs to ASCII (１３８ → 138,
/// ｂ２ → b2, the ideographic space to a space), traditional characters to simplified (電話 → 电话). Chinese punctuation
/// (，。：) is kept, so a value read from the text still reads naturally when shown back. One character in, one out:
/// a position in the folded text is the same position in the original.
/// </summary>
public static class TextFolding
{
    // Traditional → simplified for the characters complaints use (places, repairs, money, names, dates); a character
    // not listed is kept as it is. Pairs: traditional then simplified.
    private const string Pairs =
        "陳陈國国電电話话號号碼码點点陽阳園园車车庫库層层樓楼棟栋區区門门壞坏賠赔償偿維维處处業业務务員员態态費费單单時时間间週周錯错寫写" +
        "應应該该請请問问們们這这個个認认為为還还說说過过來来氣气燈灯熱热當当開开發发貨货買买賣卖錢钱讓让給给題题聯联繫系郵邮黃黄張张華华" +
        "萬万劉刘謝谢馬马趙赵孫孙錦锦繡绣裡里裏里銷销樣样貸贷麼么與与從从對对將将進进場场機机關关長长頭头風风牆墙縫缝檢检約约議议擾扰聲声" +
        "溫温鐘钟鑰钥緊紧盡尽儘尽嗎吗設设計计劃划規规範范質质滲渗盜盗竊窃監监視视攝摄錄录廳厅會会廣广傳传現现實实際际權权級级紀纪據据證证" +
        "隊队錶表鬆松鎖锁戶户廚厨衛卫廁厕惡恶罵骂騙骗賬账帳账專专線线網网絡络歲岁難难辦办後后醫医療疗藥药輛辆鄰邻樂乐聽听見见覺觉壓压礙碍" +
        "斷断續续繼继結结極极積积遲迟遠远運运達达隨随險险雜杂雙双離离靜静頂顶項项順顺須须預预領领顏颜願愿類类顧顾飛飞飯饭館馆驗验體体髒脏" +
        "鬧闹魚鱼鳥鸟麗丽齊齐龍龙亞亚佔占傷伤兒儿內内兩两凍冻則则剛刚動动勞劳勢势協协卻却厲厉參参吳吴呂吕啟启團团圍围圖图執执堅坚報报塊块" +
        "墊垫夠够奪夺婦妇媽妈學学寧宁寶宝層层屬属島岛帶带幫帮幹干廢废廠厂彈弹懷怀戰战擁拥擇择擊击擔担擠挤擴扩攔拦數数條条楊杨榮荣構构標标" +
        "樹树橋桥檔档歷历歸归毀毁決决沒没況况測测準准滅灭漢汉潔洁澆浇灣湾燒烧爭争牽牵狀状獨独獲获環环產产畫画異异盤盘眾众確确禮礼種种穩稳" +
        "競竞筆笔節节糾纠紅红紙纸納纳細细終终組组經经綠绿練练縣县總总績绩罰罚義义習习聞闻職职腦脑舊旧莊庄葉叶蓋盖蘭兰蟲虫術术補补裝装製制" +
        "複复規规親亲觀观訂订記记訪访許许訴诉診诊詳详語语誤误調调談谈諮咨識识護护讀读變变負负財财責责貴贵資资購购趕赶跡迹較较載载輕轻輸输" +
        "轉转農农連连違违適适選选遺遗邊边鄉乡釋释針针銀银鋪铺鍵键閉闭閘闸闆板陰阴隱隐雞鸡靈灵韓韩頓顿頻频額额顯显駕驾騷骚驚惊鬥斗魯鲁鳳凤" +
        "鄭郑賴赖蕭萧陸陆閻阎盧卢蘇苏譚谭嚴严龔龚鍾钟羅罗賈贾駱骆湯汤韋韦曉晓偉伟強强銘铭濤涛慶庆輝辉傑杰鳴鸣聰聪築筑廈厦鐵铁漲涨繳缴簽签" +
        "禦御雲云悅悦瀾澜濱滨灘滩匯汇滙汇嶺岭臨临稅税擬拟噸吨鍋锅鏡镜鑽钻纜缆晝昼擺摆換换搶抢掃扫掛挂攜携揮挥爛烂獎奖圓圆壩坝壽寿夾夹奧奥" +
        "寬宽彎弯徑径復复徹彻惱恼憑凭懇恳戀恋捨舍撐撑敗败暫暂曆历書书東东歐欧殘残殼壳滯滞滿满潤润灑洒災灾爐炉猶犹畢毕碩硕礦矿窩窝簡简紋纹" +
        "純纯統统絕绝綁绑綜综編编縮缩繩绳繞绕罷罢聳耸脫脱腳脚膽胆臉脸膠胶虧亏衝冲訊讯託托訓训詞词試试詢询誇夸誌志課课諾诺謀谋講讲謹谨貓猫" +
        "貼贴賀贺賊贼賦赋贊赞贈赠躍跃軍军輔辅輩辈輪轮辭辞邁迈釘钉鈔钞鋼钢鎮镇鏈链閃闪閱阅闊阔陣阵隻只雖虽霧雾響响顆颗飄飘飽饱餘余騎骑驅驱" +
        "鹽盐黴霉齡龄讚赞棄弃麵面髮发係系嚮向註注採采彙汇併并佈布僱雇嘗尝慾欲於于遊游穫获啟启豐丰鄧邓蔣蒋瀋沈臺台颱台漏漏鋁铝窗窗暖暖";

    private static readonly Dictionary<char, char> Simplified = Build();

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
            if (Pairs[i] != Pairs[i + 1]) map.TryAdd(Pairs[i], Pairs[i + 1]);
        return map;
    }

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u3000') folded.Append(' ');
            // Full-width ASCII (U+FF01-FF5E) except the Chinese punctuation people mean as such: ，：；！？（）
            else if (c is >= '\uFF01' and <= '\uFF5E' && c is not ('，' or '：' or '；' or '！' or '？' or '（' or '）')) folded.Append((char)(c - 0xFEE0));
            else folded.Append(Simplified.TryGetValue(c, out var simple) ? simple : c);
        }
        return folded.ToString();
    }
}
