namespace Feed.Tagging.Training;

/// <summary>The held-out stories are never read by training or tuning; this program refuses them.</summary>
public static class HeldOut
{
    public static bool IsHeldOut(string path) =>
        Path.GetFileName(path).Contains("heldout", StringComparison.OrdinalIgnoreCase);
}
