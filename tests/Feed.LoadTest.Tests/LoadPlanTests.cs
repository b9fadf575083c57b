using Feed.LoadTest;

namespace Feed.LoadTest.Tests;

/// <summary>The plan decides what counts as lost: its expected recipients must match a plain count.</summary>
public sealed class LoadPlanTests
{
    [Fact]
    public void Recipients_are_the_followers_of_either_country_counted_once()
    {
        var plan = new LoadPlan(subscribers: 200, feedsPerSubscriber: 3, feeds: 10, articles: 300, twoCountryShare: 0.5, seed: 3);

        for (var n = 0; n < 300; n++)
        {
            var byHand = Enumerable.Range(0, 200).Where(s => plan.FollowedFeedsOf(s, n) > 0).ToArray();
            Assert.Equal(byHand, plan.RecipientsOf(n).Order().ToArray());
            Assert.Equal(byHand.Length, plan.RecipientCountOf(n));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_choices_stay_in_range()
    {
        var a = new LoadPlan(50, 3, 10, 100, 0.5, seed: 9);
        var b = new LoadPlan(50, 3, 10, 100, 0.5, seed: 9);

        for (var s = 0; s < 50; s++)
        {
            Assert.Equal(a.FollowsOf(s), b.FollowsOf(s));
            Assert.Equal(3, a.FollowsOf(s).Distinct().Count());
            Assert.All(a.FollowsOf(s), f => Assert.InRange(f, 0, 9));
        }
        for (var n = 0; n < 100; n++)
        {
            Assert.Equal(a.ArticleCountries[n], b.ArticleCountries[n]);
            Assert.Equal(a.ArticleCountries[n].Length, a.ArticleCountries[n].Distinct().Count());
        }
        Assert.Contains(a.ArticleCountries, c => c.Length == 1);
        Assert.Contains(a.ArticleCountries, c => c.Length == 2);
    }

    [Fact]
    public void Article_ids_carry_their_number_and_only_this_run_is_recognised()
    {
        var articles = new ArticleFactory("run1", new LoadPlan(1, 1, 2, 10, 0, 1), bodyChars: 1000);

        Assert.Equal("lt-run1-7", articles.IdOf(7));
        Assert.Equal(7, articles.NumberOf("lt-run1-7"));
        Assert.Equal(-1, articles.NumberOf("lt-run2-7"));
        Assert.Equal(-1, articles.NumberOf("demo-123"));
        // The same from UTF-8 bytes, as the WebSocket client reads ids.
        Assert.Equal(7, articles.NumberOf("lt-run1-7"u8));
        Assert.Equal(-1, articles.NumberOf("lt-run2-7"u8));
        Assert.Equal(-1, articles.NumberOf("lt-run1-"u8));
        Assert.Equal(-1, articles.NumberOf("lt-run1-7x"u8));
        Assert.Equal(-1, articles.NumberOf("lt-run1--7"u8));
        Assert.Equal(1000, articles.Create(3).Body!.Length);
        Assert.False(articles.Create(3).AutoTag);
    }
}
