using System.Net;
using System.Net.Sockets;

namespace Feed.Sources.Fetching;

/// <summary>
/// The HTTP handler every source fetch goes through: it resolves the host itself and connects only to addresses the
/// <see cref="AddressPolicy"/> allows, so the check holds for the address actually used, whatever DNS or a redirect says.
/// Redirects are left to <see cref="SourceFetcher"/>, which counts them and notes permanent ones; gzip, deflate and
/// brotli are accepted.
/// </summary>
public static class SafeHttpHandler
{
    public static SocketsHttpHandler Create(AddressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        // A proxy would be the address connected to, and the policy would check it instead of the source.
        UseProxy = false,
        // Long-lived client: pick up DNS changes of the sources now and then.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(AddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new AddressRefusedException(addresses.Length == 0
                ? $"{endpoint.Host} has no address"
                : $"{endpoint.Host} is at a private or local address ({addresses[0]}), which sources may not use");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A fetch refused before connecting, because the source's address is not allowed.</summary>
public sealed class AddressRefusedException(string message) : IOException(message);
