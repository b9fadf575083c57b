namespace Feed.Grains.Tests;

/// <summary>Unit tests: no cluster.</summary>
public sealed class SeenEntriesTests
{
    [Fact]
    public void Added_ids_are_seen_and_others_are_not()
    {
        var seen = new SeenEntries(10);
        seen.Add("a");
        seen.Add("b");

        Assert.True(seen.Contains("a"));
        Assert.True(seen.Contains("b"));
        Assert.False(seen.Contains("c"));
        Assert.False(seen.Contains("A"));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Adding_an_id_again_does_not_count_it_twice()
    {
        var seen = new SeenEntries(10);
        seen.Add("a");
        seen.Add("a");

        Assert.Equal(1, seen.Count);
    }

    [Fact]
    public void Beyond_capacity_the_oldest_id_is_forgotten()
    {
        var seen = new SeenEntries(3);
        foreach (var id in new[] { "1", "2", "3", "4", "5" }) seen.Add(id);

        Assert.Equal(3, seen.Count);
        Assert.False(seen.Contains("1"));
        Assert.False(seen.Contains("2"));
        Assert.True(seen.Contains("3"));
        Assert.True(seen.Contains("5"));
    }

    [Fact]
    public void Adding_an_id_already_seen_does_not_make_it_newer()
    {
        var seen = new SeenEntries(2);
        seen.Add("1");
        seen.Add("2");
        seen.Add("1");
        seen.Add("3");

        Assert.False(seen.Contains("1"));
        Assert.True(seen.Contains("2"));
        Assert.True(seen.Contains("3"));
    }

    [Fact]
    public void Loading_newest_first_keeps_the_newest_when_storage_holds_more_than_the_capacity()
    {
        var seen = new SeenEntries(3);

        seen.LoadNewestFirst(["9", "8", "7", "6", "5"]);

        Assert.Equal(3, seen.Count);
        Assert.True(seen.Contains("9"));
        Assert.True(seen.Contains("8"));
        Assert.True(seen.Contains("7"));
        Assert.False(seen.Contains("6"));
        Assert.False(seen.Contains("5"));
    }

    [Fact]
    public void After_loading_the_next_id_added_pushes_out_the_oldest_loaded()
    {
        var seen = new SeenEntries(3);
        seen.LoadNewestFirst(["3", "2", "1"]);

        seen.Add("4");

        Assert.False(seen.Contains("1"));
        Assert.True(seen.Contains("2"));
        Assert.True(seen.Contains("4"));
    }

    [Fact]
    public void Clear_forgets_everything_and_the_capacity_still_holds_afterwards()
    {
        var seen = new SeenEntries(2);
        seen.LoadNewestFirst(["b", "a"]);

        seen.Clear();

        Assert.Equal(0, seen.Count);
        Assert.False(seen.Contains("a"));
        seen.Add("x");
        seen.Add("y");
        seen.Add("z");
        Assert.Equal(2, seen.Count);
        Assert.False(seen.Contains("x"));
    }
}
