using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary>Publisher API keys (<c>Feed:PublisherKeys</c>), compared in constant time.</summary>
public sealed class PublisherKeys(IOptionsMonitor<PublisherKeyOptions> options)
{
    public const string Header = "X-Api-Key";

    public bool AnyConfigured => options.CurrentValue.PublisherKeys.Any(k => !string.IsNullOrEmpty(k));

    public bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key)) return false;
        var given = Encoding.UTF8.GetBytes(key);
        var valid = false;
        foreach (var candidate in options.CurrentValue.PublisherKeys)
        {
            if (string.IsNullOrEmpty(candidate)) continue;
            valid |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(candidate));
        }
        return valid;
    }
}

/// <summary>Publisher keys. Section <c>Feed</c> (the key list is <c>Feed:PublisherKeys</c>).</summary>
public sealed class PublisherKeyOptions
{
    public const string Section = "Feed";

    /// <summary>Keys that may publish. None by default: publishing is closed until keys are configured.</summary>
    public List<string> PublisherKeys { get; set; } = [];
}
