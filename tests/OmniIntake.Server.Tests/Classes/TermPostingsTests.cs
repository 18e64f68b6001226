using OmniIntake.Server.Classes;

namespace OmniIntake.Server.Tests.Classes;

/// <summary>
/// The class sweep's term index (issue 17 item 6) scores a new complaint only against the complaints sharing a term
/// with it: each score must be the similarity's own, every complaint it leaves out must score 0, and a complaint that
/// left the window must never be named again, however often the index compacts.
/// </summary>
public sealed class TermPostingsTests
{
    private static readonly ComplaintSimilarity Similarity = new();

    private static readonly string[] Texts =
    [
        "3号楼电梯坏了三天没人修", "三号楼的电梯又坏了，一直没人来修", "物业乱收停车费", "小区停车费涨价没有通知业主", "宽带经常断网，报修了也没人来",
        "家里宽带老是掉线，打客服电话没人处理", "医生态度恶劣，不耐烦", "挂号排队两个小时", "食堂饭菜有异物", "楼上装修噪音太大，晚上十点还在施工",
        "The elevator in building 3 has been broken for three days", "Hotel room was dirty and the air conditioner did not work", "",
    ];

    [Fact]
    public void EveryComplaintSharingATerm_ScoresAsTheSimilarityDoes_AndTheOthersScoreZero()
    {
        var postings = new TermPostings();
        var terms = Texts.Select(Similarity.Terms).ToArray();
        for (var i = 0; i < terms.Length; i++) postings.Add(i + 1, terms[i]);

        foreach (var probe in Texts.Select(Similarity.Terms))
        {
            var found = postings.Sharing(probe).ToDictionary(s => s.CaseId, s => s.Score);
            for (var i = 0; i < terms.Length; i++)
            {
                var expected = ComplaintSimilarity.Score(probe, terms[i]);
                if (found.TryGetValue(i + 1, out var score)) Assert.Equal(expected, score, 12);
                else Assert.Equal(0, expected);
            }
        }
    }

    [Fact]
    public void AskedForAtLeastAScore_NamesExactlyThoseReachingIt()
    {
        var postings = new TermPostings();
        var terms = Texts.Select(Similarity.Terms).ToArray();
        for (var i = 0; i < terms.Length; i++) postings.Add(i + 1, terms[i]);
        var probe = Similarity.Terms("三号楼的电梯又坏了，一直没人来修");

        var expected = Enumerable.Range(0, terms.Length).Where(i => ComplaintSimilarity.Score(probe, terms[i]) >= 0.4).Select(i => (long)i + 1);
        Assert.Equal(expected, postings.Sharing(probe, 0.4).Select(s => s.CaseId).Order());
        Assert.Contains(2L, expected); // itself, and at least the other elevator complaint
        Assert.Contains(1L, expected);
    }

    [Fact]
    public void AComplaintRemoved_IsNotNamedAgain_ThroughCompactionAndAddingAnew()
    {
        var postings = new TermPostings();
        var elevator = Similarity.Terms("3号楼电梯坏了三天没人修");
        // Enough removals that stale slots outnumber live ones and the index compacts, more than once.
        for (var id = 1; id <= 40; id++) postings.Add(id, elevator);
        for (var id = 1; id <= 35; id++) postings.Remove(id);
        Assert.Equal([36, 37, 38, 39, 40], postings.Sharing(elevator).Select(s => s.CaseId).Order());

        postings.Add(41, elevator);
        postings.Add(36, Similarity.Terms("宽带经常断网")); // already there: a complaint's terms do not change
        postings.Remove(38);
        Assert.Equal([36, 37, 39, 40, 41], postings.Sharing(elevator).Select(s => s.CaseId).Order());
        Assert.False(postings.Contains(38));
        Assert.True(postings.Contains(41));

        postings.Clear();
        Assert.Empty(postings.Sharing(elevator));
    }

    [Fact]
    public void ATextWithoutTerms_SharesNothing()
    {
        var postings = new TermPostings();
        postings.Add(1, Similarity.Terms("3号楼电梯坏了三天没人修"));
        Assert.Empty(postings.Sharing(Similarity.Terms("")));
    }
}
