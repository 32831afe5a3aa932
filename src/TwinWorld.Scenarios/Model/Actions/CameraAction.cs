using TwinWorld.Simulation;
using TwinWorld.Simulation.Inputs;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Scenarios.Model;

public sealed record CameraAction(CameraSpec Camera) : ActionSpec
{
    public override SimulationInput ToInput(Site site, long tick) => new PlaceCamera(tick, Camera.Mode, Camera.Position, Camera.PoseYaw, Camera.PosePitch, Camera.Lens, Camera.Name);
}
