using System.Net;
using System.Net.Sockets;

namespace Feed.Sources.Fetching;

/// <summary>
/// Which addresses a source may be fetched from: public ones only, unless private addresses are allowed. Applied to
/// the address actually connected to, so neither a DNS answer nor a redirect can point a fetch inside the network.
/// </summary>
public sealed class AddressPolicy(bool allowPrivate)
{
    public bool AllowPrivate { get; } = allowPrivate;

    public bool IsAllowed(IPAddress address) => AllowPrivate || IsPublic(address);

    /// <summary>False for loopback, private, link-local, carrier-grade NAT, unspecified, multicast and documentation ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224                 // "this" network, private, loopback, multicast and reserved
                || b[0] == 100 && b[1] is >= 64 and <= 127              // carrier-grade NAT
                || b[0] == 169 && b[1] == 254                           // link-local (cloud metadata lives here)
                || b[0] == 172 && b[1] is >= 16 and <= 31               // private
                || b[0] == 192 && b[1] == 168                           // private
                || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2           // IETF protocol assignments, documentation
                || b[0] == 198 && b[1] is 18 or 19                      // benchmarking
                || b[0] == 198 && b[1] == 51 && b[2] == 100             // documentation
                || b[0] == 203 && b[1] == 0 && b[2] == 113);            // documentation
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
            var b = address.GetAddressBytes();
            if ((b[0] & 0xFE) == 0xFC) return false;                    // unique local fc00::/7
            // IPv6 forms that carry an IPv4 address inside are judged by that address.
            if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return IsPublic(new IPAddress(b.AsSpan(12, 4)));          // ::a.b.c.d
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) return IsPublic(new IPAddress(b.AsSpan(12, 4))); // NAT64 64:ff9b::/96
            if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b.AsSpan(2, 4)));                             // 6to4 2002::/16
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // documentation 2001:db8::/32
            return true;
        }
        return false;
    }
}
