namespace TwinWorld.Simulation.Zones;

/// <summary>The zones of a world, by id (their position in the list), with a cell-to-zone lookup.</summary>
public sealed class ZoneMap
{
    private readonly short[] _zoneAt;

    public ZoneMap(int cellCount, IReadOnlyList<Zone> zones)
    {
        Zones = zones;
        _zoneAt = new short[cellCount];
        Array.Fill(_zoneAt, (short)-1);
        for (int i = 0; i < zones.Count; i++)
        {
            if (zones[i].Id != i)
            {
                throw new ArgumentException($"Zone '{zones[i].Name}' has id {zones[i].Id} but is at position {i}.", nameof(zones));
            }
            foreach (int cell in zones[i].Cells)
            {
                _zoneAt[cell] = (short)i;
            }
        }
    }

    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>The zone covering a cell, or -1.</summary>
    public int ZoneAt(int cell) => cell < 0 ? -1 : _zoneAt[cell];

    public IEnumerable<Zone> OfKind(ZoneKind kind) => Zones.Where(z => z.Kind == kind);

    public Zone? Find(string name) => Zones.FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.OrdinalIgnoreCase));
}
