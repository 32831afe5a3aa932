using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Hazards.Water;
using TwinWorld.Simulation.Terrain;

namespace TwinWorld.Cli.Datasets;

/// <summary>
/// The cameras `twin dataset` films a run with, re-placed at the start of every burst of frames from a random stream
/// of their own (so a dataset is the same every time): <c>hazard</c>, overhead over what the hazard is doing (a
/// tornado, the fire, the flood; the town before and after), 40 to 250 m up; <c>town</c>, overhead anywhere over the
/// town, 30 to 250 m up; <c>follow</c>, third-person behind a person picked at random; <c>ground</c>, in perspective
/// from 2 to 30 m up, 60 to 250 m from the hazard, looking at it. The overhead cameras turn to a random yaw and drift
/// (up to 4 m/s, 3 degrees/s) during a burst, the ground camera pans, so the camera-motion globals vary.
/// </summary>
internal sealed class DatasetCameras
{
    public static readonly string[] Names = ["hazard", "town", "follow", "ground"];

    private static readonly QueryDescription People = new QueryDescription().WithAll<Position, Agent>();

    private readonly Simulation.Simulator _simulation;
    private readonly Entity[] _cameras;
    private readonly Vector2[] _drift;
    private readonly float[] _turn;
    private readonly Vector2 _town;
    private DeterministicRandom _random;

    public DatasetCameras(Simulation.Simulator simulation, ulong seed)
    {
        _simulation = simulation;
        _random = DeterministicRandom.ForStream(seed, 0xDA7A5E7);
        var lens = new CameraLens(60, 64, 64);
        var down = new CameraPose(Vector3.Zero, 0, -DeterministicMath.HalfPi);
        _cameras =
        [
            simulation.AddCamera(CameraMode.Fixed, down, lens),
            simulation.AddCamera(CameraMode.Fixed, down, lens),
            simulation.AddCamera(CameraMode.ThirdPersonFollow, down, lens),
            simulation.AddCamera(CameraMode.Fixed, down, lens),
        ];
        _drift = new Vector2[_cameras.Length];
        _turn = new float[_cameras.Length];
        var terrain = simulation.Site.Terrain;
        var houses = Enumerable.Range(0, terrain.CellCount).Where(c => terrain.LandUse[c] == LandUse.Building).ToList();
        _town = houses.Count == 0
            ? new Vector2(terrain.WidthMetres, terrain.HeightMetres) / 2
            : houses.Aggregate(Vector2.Zero, (sum, c) => sum + terrain.CellCentre(c)) / houses.Count;
    }

    public IReadOnlyList<Entity> Cameras => _cameras;

    /// <summary>Places every camera afresh for a burst of frames.</summary>
    public void StartBurst()
    {
        var terrain = _simulation.Site.Terrain;
        var focus = HazardFocus() ?? _town;
        Overhead(0, focus + Jitter(40), _random.NextFloat(40, 250));
        Overhead(1, _town + Jitter(200), _random.NextFloat(30, 250));
        Follow(2);
        float bearing = _random.NextFloat(-DeterministicMath.Pi, DeterministicMath.Pi);
        var at = Clamp(focus + (DeterministicMath.Direction(bearing) * _random.NextFloat(60, 250)));
        float above = _random.NextFloat(2, 30);
        var towards = focus - at;
        float distance = MathF.Max(towards.Length(), 1);
        float pitch = -DeterministicMath.Atan2(above, distance) * _random.NextFloat(0.3f, 1.2f);
        Set(3, new CameraPose(new Vector3(at, terrain.ElevationAt(at) + above), DeterministicMath.Atan2(towards.Y, towards.X), pitch));
        _drift[3] = Vector2.Zero;
        _turn[3] = _random.NextFloat(-0.03f, 0.03f);
    }

    /// <summary>Moves the drifting and panning cameras on by some seconds (the follow camera follows its person by itself).</summary>
    public void Advance(float seconds)
    {
        for (int i = 0; i < _cameras.Length; i++)
        {
            if (i == 2)
            {
                continue;
            }
            var pose = _simulation.World.Get<CameraPose>(_cameras[i]);
            var at = Clamp(new Vector2(pose.Position.X, pose.Position.Y) + (_drift[i] * seconds));
            Set(i, new CameraPose(new Vector3(at, pose.Position.Z), DeterministicMath.WrapAngle(pose.Yaw + (_turn[i] * seconds)), pose.Pitch));
        }
    }

    private void Overhead(int i, Vector2 over, float height)
    {
        over = Clamp(over);
        float yaw = _random.NextFloat(-DeterministicMath.Pi, DeterministicMath.Pi);
        Set(i, new CameraPose(new Vector3(over, _simulation.Site.Terrain.ElevationAt(over) + height), yaw, -DeterministicMath.HalfPi));
        _drift[i] = DeterministicMath.Direction(_random.NextFloat(-DeterministicMath.Pi, DeterministicMath.Pi)) * _random.NextFloat(0, 4);
        _turn[i] = _random.NextFloat(-0.05f, 0.05f);
    }

    private void Follow(int i)
    {
        var people = new List<Entity>();
        foreach (var chunk in _simulation.World.GetChunks(People))
        {
            people.AddRange(chunk.Entities.ToArray());
        }
        people.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (people.Count > 0)
        {
            var rig = new CameraRig(CameraMode.ThirdPersonFollow, people[_random.NextInt(people.Count)], _random.NextFloat(5, 14), _random.NextFloat(2.5f, 9));
            _simulation.World.Set(_cameras[i], rig);
        }
    }

    private void Set(int i, CameraPose pose) => _simulation.World.Set(_cameras[i], pose);

    private Vector2 Jitter(float radius) => new(_random.NextFloat(-radius, radius), _random.NextFloat(-radius, radius));

    private Vector2 Clamp(Vector2 at)
    {
        var terrain = _simulation.Site.Terrain;
        return Vector2.Clamp(at, Vector2.Zero, new Vector2(terrain.WidthMetres, terrain.HeightMetres) - Vector2.One);
    }

    /// <summary>Where the hazard is now: a tornado's centre, the middle of the fire, the middle of the flooded land; null if nothing is happening.</summary>
    private Vector2? HazardFocus()
    {
        var hazards = _simulation.Hazards;
        var terrain = _simulation.Site.Terrain;
        if (hazards.Wind.Vortices.Count > 0)
        {
            return hazards.Wind.Vortices[0].Centre;
        }
        var fire = hazards.Fire;
        if (fire.BurningCells > 0)
        {
            return new Vector2(fire.MinX + fire.MaxX + 1, fire.MinY + fire.MaxY + 1) * (terrain.CellSize / 2);
        }
        if (hazards.Flood.WetCells == 0 || !hazards.Water.Moving)
        {
            return null;
        }
        var sum = Vector2.Zero;
        foreach (int cell in hazards.Flood.WetLandCells)
        {
            sum += terrain.CellCentre(cell);
        }
        return hazards.Flood.WetLandCells.IsEmpty ? null : sum / hazards.Flood.WetLandCells.Length;
    }
}
