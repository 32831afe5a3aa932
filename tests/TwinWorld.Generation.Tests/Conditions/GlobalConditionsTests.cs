using System.Numerics;
using TwinWorld.Generation.Conditions;
using TwinWorld.Simulation.Cameras;
using TwinWorld.Simulation.Commands;
using TwinWorld.Simulation.Inputs;
using static TwinWorld.Generation.Tests.Conditions.CoastSite;
using PlayerCommand = TwinWorld.Protocol.V1.PlayerCommand;
using PlayerSignal = TwinWorld.Protocol.V1.PlayerSignal;
using Point = TwinWorld.Protocol.V1.Point;
using StartTornado = TwinWorld.Protocol.V1.StartTornado;
using WorldCommand = TwinWorld.Protocol.V1.WorldCommand;

namespace TwinWorld.Generation.Tests.Conditions;

public sealed class GlobalConditionsTests
{
    private readonly Simulation.Simulator _simulation = CoastSite.Simulation();

    [Fact]
    public void Camera_motion_is_measured_from_the_cameras_previous_frame()
    {
        var camera = Looking(_simulation, new Vector3(Field, 10), yaw: 0.5f, pitch: -0.3f);
        var conditioner = new CameraConditioner(_simulation, 32, 32);
        var first = conditioner.Build(camera);
        Assert.Equal(0f, first.Global(GlobalChannel.MoveEast));
        Assert.Equal(0f, first.Global(GlobalChannel.Turn));
        Assert.Equal(-0.3f / (MathF.PI / 2), first.Global(GlobalChannel.Pitch), 5);

        _simulation.World.Set(camera, new CameraPose(new Vector3(Field + new Vector2(5, -2), 11), 0.6f, -0.3f));
        var second = conditioner.Build(camera);
        Assert.Equal(0.5f, second.Global(GlobalChannel.MoveEast), 4);
        Assert.Equal(-0.2f, second.Global(GlobalChannel.MoveNorth), 4);
        Assert.Equal(0.1f, second.Global(GlobalChannel.MoveUp), 4);
        Assert.Equal(0.1f / MathF.PI, second.Global(GlobalChannel.Turn), 4);

        _simulation.World.Set(camera, new CameraPose(new Vector3(Field + new Vector2(500, 0), 11), 0.6f, -0.3f));
        Assert.Equal(1f, conditioner.Build(camera).Global(GlobalChannel.MoveEast)); // clamped
        Assert.Equal(0f, conditioner.Build(camera).Global(GlobalChannel.MoveEast)); // still since
    }

    [Fact]
    public void A_turn_across_the_back_is_the_short_way_round()
    {
        var camera = Looking(_simulation, new Vector3(Field, 10), yaw: 3.1f, pitch: 0);
        var conditioner = new CameraConditioner(_simulation, 16, 16);
        conditioner.Build(camera);
        _simulation.World.Set(camera, new CameraPose(new Vector3(Field, 10), -3.1f, 0));
        Assert.Equal((MathF.Tau - 6.2f) / MathF.PI, conditioner.Build(camera).Global(GlobalChannel.Turn), 3);
    }

    [Theory]
    [InlineData(12f, 0, 0f, -1f)]
    [InlineData(6f, 0, 1f, 0f)]
    [InlineData(18f, 0, -1f, 0f)]
    [InlineData(23f, 7200, 0.258819f, 0.9659258f)] // 01:00 the next day
    public void Time_of_day_starts_at_the_start_hour_and_runs_with_simulated_time(float startHour, int seconds, float sin, float cos)
    {
        var simulation = new Simulation.Simulator(Create(), new() { TickRateHz = 1, Workers = 1 });
        var camera = Overhead(simulation, Field, 30);
        for (int i = 0; i < seconds; i++)
        {
            simulation.Step();
        }
        var view = new CameraConditioner(simulation, 16, 16, startHour).Build(camera);
        Assert.Equal(sin, view.Global(GlobalChannel.TimeOfDaySin), 3);
        Assert.Equal(cos, view.Global(GlobalChannel.TimeOfDayCos), 3);
    }

    [Fact]
    public void Wind_and_tornadoes_are_on_their_scales()
    {
        _simulation.Inputs.Enqueue(new CommandInput(0, new WorldCommand { Tornado = new StartTornado { From = Point.Of(new Vector2(20, 20)), To = Point.Of(new Vector2(180, 180)), Speed = 10, MaxWind = 60, CoreRadius = 20 } }));
        _simulation.Step();
        _simulation.Hazards.Wind.Ambient = new Vector2(6, -3);
        var view = new CameraConditioner(_simulation, 16, 16).Build(Overhead(_simulation, Field, 30));
        Assert.Equal(0.2f, view.Global(GlobalChannel.WindEast), 4);
        Assert.Equal(-0.1f, view.Global(GlobalChannel.WindNorth), 4);
        var vortex = Assert.Single(_simulation.Hazards.Wind.Vortices);
        Assert.Equal((vortex.MaxTangential + vortex.Travel.Length()) / 100, view.Global(GlobalChannel.Tornado), 4);
        Assert.InRange(view.Global(GlobalChannel.Tornado), 0.3f, 0.7f);
    }

    [Fact]
    public void The_owners_movement_signal_shows_for_a_second()
    {
        var avatar = _simulation.SpawnAvatar(42, Field);
        var camera = _simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 64, 64), ownerClientId: 42, target: avatar);
        var stranger = _simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 64, 64), ownerClientId: 7, target: avatar);
        var conditioner = new CameraConditioner(_simulation, 16, 16);
        _simulation.Inputs.Enqueue(new PlayerCommandInput(0, new InputSender(42, 0), new PlayerCommand { Signal = new PlayerSignal { DirectionX = 0, DirectionY = -3 } }));
        _simulation.Step();
        var view = conditioner.Build(camera);
        Assert.Equal((0f, -1f, 1f), (view.Global(GlobalChannel.SignalEast), view.Global(GlobalChannel.SignalNorth), view.Global(GlobalChannel.SignalActive)));
        Assert.Equal(0f, conditioner.Build(stranger).Global(GlobalChannel.SignalActive));
        for (int i = 0; i < 25; i++)
        {
            _simulation.Step();
        }
        Assert.Equal(0f, conditioner.Build(camera).Global(GlobalChannel.SignalActive));
    }

    [Fact]
    public void A_third_person_camera_looks_down_at_its_target()
    {
        var avatar = _simulation.SpawnAvatar(42, Field);
        var camera = _simulation.AddCamera(CameraMode.ThirdPersonFollow, default, new CameraLens(60, 64, 64), target: avatar, distance: 6, height: 3);
        _simulation.Step();
        var view = new CameraConditioner(_simulation, 64, 64).Build(camera);
        Assert.True(view.Perspective);
        Assert.True(view.Global(GlobalChannel.Pitch) < 0);
        Assert.True(Count(view, LayoutClass.Resident) > 0, "the avatar is in view");
    }

    [Fact]
    public void Conditioning_something_that_is_not_a_camera_is_refused()
    {
        var agent = _simulation.SpawnAgent(Simulation.Agents.AgentKind.Civilian, Field);
        var error = Assert.Throws<ArgumentException>(() => new CameraConditioner(_simulation, 16, 16).Build(agent));
        Assert.Contains("is not a live camera", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraConditioner(_simulation, 16, 16, startHour: 25));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraConditioner(_simulation, 0, 16));
    }

    [Fact]
    public void The_conditions_are_the_models_resolution_and_tagged_with_the_tick()
    {
        _simulation.Step();
        _simulation.Step();
        var view = new CameraConditioner(_simulation, 48, 32).Build(Looking(_simulation, new Vector3(Field, 8), 0, -0.2f));
        Assert.Equal((48, 32, 2L), (view.Width, view.Height, view.Tick));
        Assert.Equal(48 * 32, view.Layout.Length);
        Assert.Equal(6 * 48 * 32, view.Continuous.Length);
        Assert.Equal(3 * 48 * 32, view.World.Length);
        Assert.Equal(16, view.Globals.Length);
        Assert.All(view.Continuous, v => Assert.InRange(v, 0f, 1f));
        Assert.All(view.Layout, c => Assert.InRange(c, 0, CameraConditions.LayoutClassCount - 1));
    }
}
