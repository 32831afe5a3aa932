using System.Numerics;
using TwinWorld.Ecs;
using TwinWorld.Simulation;
using TwinWorld.Simulation.Agents;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// Builds what a camera sees as a model's inputs (<see cref="CameraConditions"/>, protocol/world-model.md) at the
/// model's resolution, straight from the live simulation: overhead cameras orthographically, the rest in
/// perspective by ray-marching the ground, water, roofs, flames and smoke, with tornado funnels met analytically
/// and people and vehicles stamped as figures. One per simulation and model resolution;
/// it remembers each camera's previous pose (for the camera-motion globals) and this tick's smoke, which all
/// cameras share. Call it on the tick thread, between ticks: it reads the world without copying it.
/// </summary>
public sealed partial class CameraConditioner
{
    public const float DefaultStartHour = 12;

    /// <summary>Scales of the continuous channels and globals (protocol/world-model.md).</summary>
    public const float ElevationFloor = -20, ElevationRange = 120, DepthRange = 500, WaterRange = 5, WindRange = 30, VortexRange = 100, MotionRange = 10;

    /// <summary>Scale of the height plane: metres above the ground / this, clamped to 1.</summary>
    public const float HeightRange = 20;

    /// <summary>The harm plane's values on a figure's pixels, by <see cref="VitalState"/>.</summary>
    public const float Injured = 0.5f, Incapacitated = 1;

    /// <summary>Smoke at least this thick (the smoke plane) shows as the smoke class: what is behind it hardly shows.</summary>
    public const float DenseSmoke = 0.8f;

    private static readonly QueryDescription Agents = new QueryDescription().WithAll<Position, Agent>();
    private static readonly QueryDescription Avatars = new QueryDescription().WithAll<PlayerControl>();

    private readonly Simulation.Simulator _simulation;
    private readonly SceneCells _cells;
    private readonly SmokeField _smoke;
    private readonly SurfaceBlocks _blocks;
    private readonly Dictionary<Entity, CameraPose> _previous = [];

    // Per pixel, metres to what the perspective ray met (+infinity for sky), for agents' depth test; reused.
    private readonly float[] _distance;

    /// <param name="startHour">The time of day when the run starts (0 to 24); simulated time moves it on.</param>
    public CameraConditioner(Simulation.Simulator simulation, int width, int height, float startHour = DefaultStartHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(startHour is >= 0 and <= 24))
        {
            throw new ArgumentOutOfRangeException(nameof(startHour), startHour, "The start hour must be 0 to 24.");
        }
        _simulation = simulation;
        Width = width;
        Height = height;
        StartHour = startHour;
        var terrain = simulation.Site.Terrain;
        _cells = new SceneCells(terrain, simulation.Hazards);
        _smoke = new SmokeField(terrain);
        _blocks = new SurfaceBlocks(_cells);
        _distance = new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public float StartHour { get; }

    /// <summary>
    /// What the camera sees now, tagged with <see cref="Simulation.Simulator.Tick"/> (the ticks run so far, so the
    /// state after tick Tick - 1). Throws <see cref="ArgumentException"/> for an entity that is not a live camera.
    /// </summary>
    public CameraConditions Build(Entity camera)
    {
        var world = _simulation.World;
        if (!world.IsAlive(camera) || !world.Has<CameraPose>(camera) || !world.Has<CameraRig>(camera))
        {
            throw new ArgumentException($"{camera} is not a live camera", nameof(camera));
        }
        var pose = world.Get<CameraPose>(camera);
        var mode = world.Get<CameraRig>(camera).Mode;
        float fieldOfView = world.Has<CameraLens>(camera) ? world.Get<CameraLens>(camera).FieldOfViewDegrees : 60;
        fieldOfView = Math.Clamp(float.IsFinite(fieldOfView) ? fieldOfView : 60, 1, 170) * (MathF.PI / 180);
        long owner = world.Has<CameraOwner>(camera) ? world.Get<CameraOwner>(camera).ClientId : 0;

        var hazards = _simulation.Hazards;
        _smoke.Refresh(_simulation.Tick, hazards.Fire, hazards.Wind);
        RefreshFunnels();
        var layout = new byte[Width * Height];
        var continuous = new float[CameraConditions.ContinuousCount * Width * Height];
        var worldPlanes = new float[CameraConditions.WorldCount * Width * Height];
        ViewProjection projection;
        float deepestFlood;
        if (ViewProjection.IsOverhead(mode, pose))
        {
            var terrain = _simulation.Site.Terrain;
            float ground = terrain.ElevationAt(new Vector2(pose.Position.X, pose.Position.Y));
            projection = ViewProjection.Overhead(pose, pose.Position.Z - ground, fieldOfView, Width, Height);
            deepestFlood = DrawOverhead(projection, layout, continuous, worldPlanes);
        }
        else
        {
            projection = ViewProjection.Pinhole(pose, fieldOfView, Width, Height);
            deepestFlood = DrawPerspective(projection, layout, continuous, worldPlanes);
        }
        DrawAgents(projection, layout, continuous, worldPlanes);
        var globals = Globals(camera, pose, owner, projection.Perspective, layout, continuous, deepestFlood);
        _previous[camera] = pose;
        return new CameraConditions(camera, _simulation.Tick, Width, Height, pose, projection.Perspective, layout, continuous, globals)
        {
            Projection = projection,
            World = worldPlanes,
        };
    }

    /// <summary>Drops what is remembered of a camera (its previous pose), for cameras that are gone.</summary>
    public void Forget(Entity camera) => _previous.Remove(camera);

    private static float Unit(float value) => Math.Clamp(value, 0, 1);

    private static float Signed(float value) => Math.Clamp(value, -1, 1);

    private float[] Globals(Entity camera, CameraPose pose, long owner, bool perspective, byte[] layout, float[] continuous, float deepestFlood)
    {
        var globals = new float[CameraConditions.GlobalCount];
        var hazards = _simulation.Hazards;
        double hours = StartHour + (_simulation.SimulatedTime.TotalSeconds / 3600);
        float dayAngle = (float)(2 * Math.PI * (hours % 24) / 24);
        globals[(int)GlobalChannel.TimeOfDaySin] = MathF.Sin(dayAngle);
        globals[(int)GlobalChannel.TimeOfDayCos] = MathF.Cos(dayAngle);
        globals[(int)GlobalChannel.WindEast] = hazards.Wind.Ambient.X / WindRange;
        globals[(int)GlobalChannel.WindNorth] = hazards.Wind.Ambient.Y / WindRange;
        globals[(int)GlobalChannel.Tsunami] = Unit(deepestFlood / WaterRange);
        int burning = 0;
        var smoke = continuous.AsSpan((int)ContinuousChannel.Smoke * layout.Length, layout.Length);
        for (int p = 0; p < layout.Length; p++)
        {
            burning += layout[p] is (byte)LayoutClass.Fire or (byte)LayoutClass.Smoke || (layout[p] != (byte)LayoutClass.Sky && smoke[p] >= CameraConditions.V1SmokeBelow) ? 1 : 0;
        }
        globals[(int)GlobalChannel.Fire] = (float)burning / layout.Length;
        float vortex = 0;
        foreach (var v in hazards.Wind.Vortices)
        {
            vortex = MathF.Max(vortex, v.MaxTangential + v.Travel.Length());
        }
        globals[(int)GlobalChannel.Tornado] = Unit(vortex / VortexRange);
        if (_previous.TryGetValue(camera, out var before))
        {
            var moved = (pose.Position - before.Position) / MotionRange;
            globals[(int)GlobalChannel.MoveEast] = Signed(moved.X);
            globals[(int)GlobalChannel.MoveNorth] = Signed(moved.Y);
            globals[(int)GlobalChannel.MoveUp] = Signed(moved.Z);
            globals[(int)GlobalChannel.Turn] = DeterministicMath.WrapAngle(pose.Yaw - before.Yaw) / MathF.PI;
        }
        globals[(int)GlobalChannel.Pitch] = Signed(pose.Pitch / (MathF.PI / 2));
        globals[(int)GlobalChannel.Perspective] = perspective ? 1 : 0;
        if (owner != 0 && OwnerSignal(owner) is { } signal)
        {
            globals[(int)GlobalChannel.SignalEast] = signal.X;
            globals[(int)GlobalChannel.SignalNorth] = signal.Y;
            globals[(int)GlobalChannel.SignalActive] = 1;
        }
        return globals;
    }

    /// <summary>The direction the owner's avatar was last told to move, if that was within the last second.</summary>
    private Vector2? OwnerSignal(long owner)
    {
        foreach (var chunk in _simulation.World.GetChunks(Avatars))
        {
            foreach (var control in chunk.GetSpan<PlayerControl>())
            {
                if (control.ClientId == owner && control.SignalTick >= 0 && _simulation.Tick - control.SignalTick <= _simulation.TickRateHz)
                {
                    return control.Direction;
                }
            }
        }
        return null;
    }
}
