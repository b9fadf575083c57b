using System.Text.Json;

namespace Feed.Cli;

/// <summary>JSON as the server writes it (camelCase), for --json output.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
