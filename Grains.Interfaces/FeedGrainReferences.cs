using System.Runtime.CompilerServices;

namespace Feed;

/// <summary>
/// Feed grain references made without Orleans' interface lookup: <c>GetGrain&lt;IFeedGrain&gt;(key)</c> resolves the grain
/// interface type by reflection on every call (custom attributes and type names: about 5% of what a publish allocates,
/// measured), and a publish asks for one reference per feed. The grain and interface types are looked up once per grain
/// factory; each reference is then made from them directly.
/// </summary>
public static class FeedGrainReferences
{
    private static readonly ConditionalWeakTable<IGrainFactory, Shape> Shapes = new();

    /// <summary>The feed grain of <paramref name="feed"/> (a canonical feed key), as <c>GetGrain&lt;IFeedGrain&gt;(feed)</c> gives it.</summary>
    public static IFeedGrain FeedGrain(this IGrainFactory grains, string feed)
    {
        var shape = Shapes.GetValue(grains, static f => new Shape((GrainReference)(object)f.GetGrain<IFeedGrain>("all")));
        return (IFeedGrain)grains.GetGrain(GrainId.Create(shape.GrainType, IdSpan.Create(feed)), shape.InterfaceType);
    }

    private sealed class Shape(GrainReference sample)
    {
        public GrainType GrainType { get; } = sample.GrainId.Type;
        public GrainInterfaceType InterfaceType { get; } = sample.InterfaceType;
    }
}
