using System.Net;
using Feed.Sources.Fetching;

namespace Feed.Sources.Tests;

public sealed class AddressPolicyTests
{
    private static readonly AddressPolicy PublicOnly = new(allowPrivate: false);
    private static readonly AddressPolicy Anything = new(allowPrivate: true);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    public void Loopback_addresses_are_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.255")]
    public void Private_ipv4_ranges_are_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("192.169.0.1")]
    public void Addresses_just_outside_the_private_ranges_are_public(string address)
    {
        Assert.True(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    public void Link_local_ipv4_where_cloud_metadata_lives_is_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.128.0.1", true)]
    public void Carrier_grade_nat_is_refused_and_its_neighbours_are_public(string address, bool allowed)
    {
        Assert.Equal(allowed, PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    [InlineData("ff05::2")]
    [InlineData("::")]
    public void Unspecified_multicast_and_broadcast_addresses_are_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]
    [InlineData("fe80::1ff:fe23:4567:890a")]
    public void Unique_local_and_link_local_ipv6_are_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    public void A_private_ipv4_address_mapped_into_ipv6_is_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700::1")]
    [InlineData("2a00:1450:4001:81b::200e")]
    [InlineData("::ffff:93.184.216.34")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.True(PublicOnly.IsAllowed(IPAddress.Parse(address)));
        Assert.True(AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("2001:db8::1")]
    public void Documentation_and_benchmarking_ranges_are_refused(string address)
    {
        Assert.False(PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("93.184.216.34")]
    public void Allowing_private_addresses_allows_every_address(string address)
    {
        Assert.True(Anything.AllowPrivate);
        Assert.True(Anything.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void Is_public_does_not_depend_on_the_policy()
    {
        Assert.False(AddressPolicy.IsPublic(IPAddress.Loopback));
        Assert.False(PublicOnly.AllowPrivate);
    }
}
