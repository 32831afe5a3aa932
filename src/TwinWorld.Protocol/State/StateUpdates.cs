using Google.Protobuf;
using TwinWorld.Protocol.Bits;
using TwinWorld.Protocol.Tiles;
using TwinWorld.Protocol.V1;

namespace TwinWorld.Protocol.State;

/// <summary>Makes the StateUpdate message that carries a view as a delta against a baseline the client holds.</summary>
public static class StateUpdates
{
    /// <param name="baseline">The newest view the client acknowledged, or null for a full snapshot.</param>
    /// <param name="scratch">A writer to reuse; it is reset first.</param>
    public static StateUpdate Encode(StateView? baseline, StateView target, BitWriter scratch)
    {
        var from = baseline ?? StateView.Empty;
        scratch.Reset();
        AgentDeltaCodec.Encode(from.Agents, target.Agents, scratch);
        return Compose(baseline, target, scratch);
    }

    /// <summary>
    /// The update whose agent delta is already written in <paramref name="agents"/>: the views' hazards,
    /// cameras and tiles make the rest (their agents are not read), so a sender that tracks agents its own
    /// way can pass views without them.
    /// </summary>
    public static StateUpdate Compose(StateView? baseline, StateView target, BitWriter agents)
    {
        var from = baseline ?? StateView.Empty;
        var update = new StateUpdate
        {
            Tick = (ulong)target.Tick,
            HasBaseline = baseline is not null,
            BaselineTick = baseline is null ? 0 : (ulong)baseline.Tick,
            Agents = ByteString.CopyFrom(agents.ToArray()),
            HazardsChanged = baseline is null || !baseline.Hazards.SequenceEqual(target.Hazards),
            CamerasChanged = baseline is null || !baseline.Cameras.SequenceEqual(target.Cameras),
        };
        if (update.HazardsChanged)
        {
            update.Hazards.AddRange(target.Hazards);
        }
        if (update.CamerasChanged)
        {
            update.Cameras.AddRange(target.Cameras);
        }
        foreach (int key in HazardGrid.ChangedKeys(from.Grid, target.Grid))
        {
            update.Tiles.Add(Tile(key, target.Grid.Find(key)));
        }
        return update;
    }

    /// <summary>The message for a tile; an all-zero tile (absent from the grid) travels with no cells.</summary>
    public static HazardTile Tile(int key, GridTile? tile)
    {
        var message = new HazardTile { Layer = (HazardLayer)(key >>> 28), X = (uint)(key & (GridTile.MaxTiles - 1)), Y = (uint)((key >> 14) & (GridTile.MaxTiles - 1)) };
        if (tile is not null)
        {
            message.Cells = ByteString.CopyFrom(tile.Deflated());
        }
        return message;
    }
}
