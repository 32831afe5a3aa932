using System.Numerics;
using TwinWorld.Simulation.Zones;
using Area = TwinWorld.Protocol.V1.Area;

namespace TwinWorld.Simulation.Commands;

/// <summary>The disc a command's area stands for on this site: its own, a zone's covering disc, or the whole site's.</summary>
internal static class AreaCover
{
    /// <summary>The disc, or why there is none (a zone the site does not have).</summary>
    public static ((Vector2 Centre, float Radius) Disc, string? Problem) Of(Simulator simulation, Area? area)
    {
        var site = simulation.Site;
        switch (area?.KindCase)
        {
            case Area.KindOneofCase.Disc:
                return ((area.Disc.Centre.ToVector2(), area.Disc.Radius), null);
            case Area.KindOneofCase.Zone:
                return site.Zones.Find(area.Zone) is { } zone ? (CoveringDisc.Of(site, zone), null)
                    : (default, $"there is no zone named '{area.Zone}' (zones: {string.Join(", ", site.Zones.Zones.Select(z => z.Name))})");
            default:
                return (CoveringDisc.OfSite(site), null); // absent, everywhere, the low ground
        }
    }
}
