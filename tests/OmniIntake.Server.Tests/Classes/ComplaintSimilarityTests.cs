using OmniIntake.Server.Classes;

namespace OmniIntake.Server.Tests.Classes;

/// <summary>
/// "The same complaint" on hand-written examples of how residents, patients and guests phrase one problem, in
/// Chinese and English, against unrelated complaints; the threshold is the default (0.4).
/// </summary>
public sealed class ComplaintSimilarityTests
{
    private const double Threshold = 0.4;
    private static readonly ComplaintSimilarity Similarity = new();

    [Theory]
    [InlineData("3号楼电梯坏了三天没人修", "三号楼的电梯又坏了，一直没人来修")]
    [InlineData("3号楼电梯坏了三天没人修", "3栋电梯坏了好几天，物业不管")]
    [InlineData("三号楼的电梯又坏了，一直没人来修", "电梯故障三天了，3号楼住户上下楼很困难")]
    [InlineData("物业乱收停车费", "停车费收得太离谱了，物业乱收费")]
    [InlineData("物业乱收停车费", "小区停车费涨价没有通知业主")]
    [InlineData("宽带经常断网，报修了也没人来", "家里宽带老是掉线，打客服电话没人处理")]
    [InlineData("The elevator in building 3 has been broken for three days", "Building 3 lift broken again, nobody came to fix it")]
    public void TheSameComplaint_InOtherWords_ScoresAtLeastTheThreshold(string a, string b) =>
        Assert.True(Similarity.Score(a, b) >= Threshold, $"{Similarity.Score(a, b):0.00}: {a} | {b}");

    [Theory]
    [InlineData("三号楼的电梯又坏了，一直没人来修", "宽带经常断网，报修了也没人来")] // the same complaining words, another thing
    [InlineData("3栋电梯坏了好几天，物业不管", "物业擅自提高停车收费标准")]             // the same company, another thing
    [InlineData("医生态度恶劣，不耐烦", "挂号排队两个小时")]
    [InlineData("食堂饭菜有异物", "银行柜台办理业务太慢，等了一个小时")]
    [InlineData("Hotel room was dirty and the air conditioner did not work", "The elevator in building 3 has been broken for three days")]
    public void DifferentComplaints_ScoreBelowTheThreshold(string a, string b) =>
        Assert.True(Similarity.Score(a, b) < Threshold, $"{Similarity.Score(a, b):0.00}: {a} | {b}");

    [Fact]
    public void NothingToCompare_ScoresZero()
    {
        Assert.Equal(0, Similarity.Score("", "电梯坏了"));
        Assert.Equal(1, Similarity.Score("电梯坏了", "电梯坏了"), 6);
    }
}
