using System.Net;
using TwinWorld.Server.Networking;

namespace TwinWorld.Server.Tests;

/// <summary>Where IPv6 is listened on: as set, or with the IPv4 address's reach, so binding to this machine never opens IPv6 to others.</summary>
public class NetworkOptionsTests
{
    [Theory]
    [InlineData("0.0.0.0", null, "::")]
    [InlineData("127.0.0.1", null, "::1")]
    [InlineData("192.168.1.10", null, null)]
    [InlineData("0.0.0.0", "", null)]
    [InlineData("127.0.0.1", "2001:db8::1", "2001:db8::1")]
    public void Ipv6_follows_the_ipv4_address_unless_set(string v4, string? v6, string? expected)
        => Assert.Equal(expected is null ? null : IPAddress.Parse(expected), new NetworkOptions { BindAddress = v4, BindAddressV6 = v6 }.ListenV6());
}
