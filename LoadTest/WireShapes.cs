namespace Feed.LoadTest;

// What the tool reads of the hub's messages: just enough to identify a delivery. Reading only these fields
// keeps the tool's own cost per delivery low, so it can load a server on the same machine.
// Public with settable properties so both the JSON and the MessagePack (contractless) protocols can fill them.

/// <summary>An <c>article</c> message: a feed item of which only the feed, seq and article id are read.</summary>
public sealed class ReceivedItem
{
    public string Feed { get; set; } = "";
    public long Seq { get; set; }
    public ReceivedArticle? Article { get; set; }
}

public sealed class ReceivedArticle
{
    public string? Id { get; set; }
}

/// <summary>The answer to Subscribe: the feed's head, after which live items follow.</summary>
public sealed class SubscribeReply
{
    public long Head { get; set; }
}
