using System.Net;
using System.Net.Sockets;
using Feed.Grains.Storage;
using Feed.Sources;
using Feed.Sources.Fetching;
using Feed.Sources.Scheduling;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Feed.Grains;

/// <summary>
/// Adds sources and lists them. The same URL (after normalising) is one source, found again by any URL it has had.
/// A private or loopback address is refused here already when not allowed, so the operator learns it at once; the
/// fetcher checks again on the address it actually connects to.
/// </summary>
[StatelessWorker]
public sealed class SourceRegistryGrain(ISourceStore store, PollSchedule schedule, IOptions<SourcesOptions> options,
    IOptions<PublishingOptions> publishing) : Grain, ISourceRegistryGrain
{
    public async Task<SourceAdded> Add(string? url, string? title, int? pollSeconds)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SourceUrl.TryNormalize(url, out var normalized, out var urlError)) errors["url"] = [urlError];
        else if (await PrivateAddressOf(normalized) is { } address)
            errors["url"] = [$"{normalized.Host} is at a private or local address ({address}); sources may not use those unless Feed:Sources:AllowPrivateAddresses is true."];
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title?.Length > publishing.Value.MaxSourceLength) errors["title"] = [$"'title' is longer than {publishing.Value.MaxSourceLength} characters."];
        if (!schedule.TryInterval(pollSeconds, out var interval, out var intervalError)) errors["pollSeconds"] = [intervalError];
        if (errors.Count > 0) throw new SourceRejectedException(errors);

        if (await store.FindIdByUrlAsync(normalized.AbsoluteUri) is { } existingId
            && await GrainFactory.GetGrain<ISourceGrain>(existingId).Get() is { } existing)
            return new(existing, Created: false);
        var settings = new SourceSettings(normalized.AbsoluteUri, title, interval);
        return await GrainFactory.GetGrain<ISourceGrain>(SourceUrl.IdOf(normalized)).Start(settings);
    }

    public async Task<IReadOnlyList<Source>> List() => (await store.ListAsync()).Select(s => s.ToSource()).ToArray();

    private async Task<IPAddress?> PrivateAddressOf(Uri url)
    {
        if (options.Value.AllowPrivateAddresses) return null;
        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost);
            }
            catch (SocketException)
            {
                return null; // unknown today: the polls will say so, and the fetcher still checks every connection
            }
        }
        return addresses.FirstOrDefault(a => !AddressPolicy.IsPublic(a));
    }
}
