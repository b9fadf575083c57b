using Feed.LoadTest;

namespace Feed.LoadTest.Tests;

public sealed class LoadArgumentsTests
{
    [Fact]
    public void Options_map_onto_the_run()
    {
        var o = LoadArguments.Parse(["-s", "2000", "-k", "3", "-f", "100", "-r", "1000", "-d", "20", "--target", "silo",
            "--gateway", "127.0.0.1:30001", "--server-pid", "12,13", "--json", "out.json", "--drain", "2.5"])!;

        Assert.Equal(2000, o.Subscribers);
        Assert.Equal(3, o.FeedsPerSubscriber);
        Assert.Equal(100, o.Feeds);
        Assert.Equal(1000, o.Rate);
        Assert.Equal(TimeSpan.FromSeconds(20), o.Duration);
        Assert.Equal(20_000, o.ArticleCount);
        Assert.Equal(LoadTarget.Silo, o.Target);
        Assert.Equal("127.0.0.1:30001", o.Gateway);
        Assert.Equal([12, 13], o.ServerPids);
        Assert.Equal("out.json", o.JsonPath);
        Assert.Equal(TimeSpan.FromSeconds(2.5), o.Drain);
        o.Validate();
    }

    [Fact]
    public void Subscribers_use_the_websocket_client_unless_told_and_MessagePack_needs_the_SignalR_client()
    {
        Assert.Equal(HubClient.WebSocket, LoadArguments.Parse([])!.Client);
        Assert.Equal(HubClient.SignalR, LoadArguments.Parse(["--client", "signalr"])!.Client);
        var e = Assert.Throws<LoadSetupException>(() => LoadArguments.Parse(["--key", "k", "--messagepack"])!.Validate());
        Assert.Contains("--client signalr", e.Message);
        LoadArguments.Parse(["--key", "k", "--messagepack", "--client", "signalr"])!.Validate();
    }

    [Theory]
    [InlineData("--client", "carrier-pigeon")]
    [InlineData("--subscribers")]
    [InlineData("--rate", "fast")]
    [InlineData("--target", "carrier-pigeon")]
    [InlineData("--no-such-option")]
    public void Bad_input_is_a_setup_error_naming_the_option(params string[] args)
    {
        var e = Assert.Throws<LoadSetupException>(() => LoadArguments.Parse(args));
        Assert.Contains(args[0], e.Message);
    }

    [Fact]
    public void The_http_target_needs_a_key_and_feeds_are_bounded()
    {
        Assert.Throws<LoadSetupException>(() => LoadArguments.Parse(["--target", "http"])!.Validate());
        Assert.Throws<LoadSetupException>(() => LoadArguments.Parse(["--key", "k", "-f", "201"])!.Validate());
        LoadArguments.Parse(["--key", "k", "-f", "200"])!.Validate();
        Assert.Null(LoadArguments.Parse(["--help"]));
    }
}
