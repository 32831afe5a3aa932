using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TwinWorld.Net.Sessions;

namespace TwinWorld.Net.Transport.Udp;

/// <summary>
/// A token bucket of connection requests per source address, so one host that sends many requests from
/// many ports (spoofable, unlike its address) is refused cheaply without touching anyone else's. IPv6
/// addresses count by their /64, which one host usually holds whole. Buckets idle long enough to have
/// refilled are forgotten; past <paramref name="maxAddresses"/> busy ones, new addresses are refused.
/// </summary>
internal sealed class AddressRateLimits(double perSecond, double burst, int maxAddresses = 65_536)
{
    private readonly Dictionary<IPAddress, (RateLimiter Bucket, long LastSeen)> _buckets = [];
    private readonly long _refillTicks = (long)(burst / perSecond * Stopwatch.Frequency);

    public bool TryTake(IPAddress address, long now)
    {
        var key = Key(address);
        if (!_buckets.TryGetValue(key, out var entry))
        {
            if (_buckets.Count >= maxAddresses && Forget(now) == 0)
            {
                return false;
            }
            entry = (new RateLimiter(perSecond, burst), now);
        }
        bool allowed = entry.Bucket.TryTake(now);
        _buckets[key] = (entry.Bucket, now);
        return allowed;
    }

    private int Forget(long now)
    {
        int before = _buckets.Count;
        foreach (var (key, entry) in _buckets)
        {
            if (now - entry.LastSeen > _refillTicks)
            {
                _buckets.Remove(key);
            }
        }
        return before - _buckets.Count;
    }

    private static IPAddress Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes);
    }
}
