using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Rendering;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Tests.Conditions;

/// <summary>Scenario files end to end: what a scenario says about cameras and people is what the conditions and frames show.</summary>
public sealed class ScenarioConditionsTests
{
    private static ScenarioRun Run(string yaml)
    {
        var load = ScenarioLoader.Parse(yaml, "test.yaml");
        Assert.True(load.Succeeded, string.Join(Environment.NewLine, load.Errors));
        var run = new ScenarioRun(load.Scenario!, workers: 1);
        run.RunToEnd();
        return run;
    }

    private static Entity[] Cameras(ScenarioRun run)
    {
        var cameras = new List<Entity>();
        foreach (var chunk in run.Simulation.World.GetChunks(new QueryDescription().WithAll<CameraPose, CameraRig>()))
        {
            cameras.AddRange(chunk.Entities.ToArray());
        }
        return [.. cameras.OrderBy(c => c.Id)];
    }

    [Fact]
    public void An_overhead_camera_without_a_yaw_is_north_up_and_a_yaw_of_90_puts_east_at_the_top()
    {
        var run = Run("""
            scenario: north-up
            map: {procedural: {size: 128, seed: 7}}
            cameras:
              - {name: plain, mode: overhead, position: [128, 128, 150], pitch: -90}
              - {name: east-up, mode: overhead, position: [128, 128, 150], yaw: 90, pitch: -90}
              - {name: looking-east, mode: fixed, position: [128, 128, 30], yaw: 90, pitch: -20}
            end: {after: 1s}
            """);
        var conditioner = new CameraConditioner(run.Simulation, 64, 64);
        var cameras = Cameras(run);
        var plain = conditioner.Build(cameras[0]);
        var eastUp = conditioner.Build(cameras[1]);
        var lookingEast = conditioner.Build(cameras[2]);
        float X(CameraConditions c, int px, int py) => c.World[(py * 64) + px];
        float Y(CameraConditions c, int px, int py) => c.World[(64 * 64) + (py * 64) + px];

        // North up: north at the top, east on the right, as on the map.
        Assert.True(Y(plain, 32, 0) > Y(plain, 32, 63) + 100, $"top {Y(plain, 32, 0)}, bottom {Y(plain, 32, 63)}");
        Assert.True(X(plain, 63, 32) > X(plain, 0, 32) + 100);
        Assert.Equal(X(plain, 32, 0), X(plain, 32, 63), 2);
        // The coast (beach and sea) is west of the procedural town: on the left.
        static bool Coast(LayoutClass kind) => kind == LayoutClass.Sand || LayoutClasses.IsWater(kind);
        Assert.True(Coast(plain.ClassAt(0, 32)), $"{plain.ClassAt(0, 32)} on the left");
        Assert.False(Coast(plain.ClassAt(63, 32)), $"{plain.ClassAt(63, 32)} on the right");
        // Yaw 90: east at the top.
        Assert.True(X(eastUp, 32, 0) > X(eastUp, 32, 63) + 100);
        // A fixed camera at yaw 90 looks east: what it sees ahead lies east of it.
        Assert.True(X(lookingEast, 32, 40) > 128 + 20, $"the middle of the view is at x = {X(lookingEast, 32, 40)}");
        Assert.Equal(128, Y(lookingEast, 32, 40), 0.5f);
    }

    [Fact]
    public void Roles_go_from_the_scenario_through_the_simulation_to_the_layout_and_the_frame()
    {
        var run = Run("""
            scenario: roles
            map: {procedural: {size: 128, seed: 7}}
            population:
              - {name: visitors, kind: civilian, role: tourist, count: 40, area: {centre: [160, 128], radius: 40}}
              - {name: watch, kind: civilian, role: guard, count: 40, area: {centre: [160, 128], radius: 40}}
              - {kind: firefighter, count: 40, area: {centre: [160, 128], radius: 40}}
              - {kind: civilian, count: 40, area: {centre: [160, 128], radius: 40}}
            cameras:
              - {name: close, mode: overhead, position: [160, 128, 60], pitch: -90}
            end: {after: 1s}
            """);
        var view = new CameraConditioner(run.Simulation, 128, 128).Build(Cameras(run)[0]);
        foreach (var kind in new[] { LayoutClass.Tourist, LayoutClass.Guard, LayoutClass.Firefighter, LayoutClass.Resident })
        {
            Assert.True(CoastSite.Count(view, kind) >= 20, $"{CoastSite.Count(view, kind)} {kind} pixels");
        }
        // And each is drawn in its own colour: the tourists turquoise, the guards white.
        var frame = new ReferenceRenderer(128, 128).Render(view);
        int Matching(LayoutClass kind, Func<byte, byte, byte, bool> colour)
        {
            int n = 0;
            for (int p = 0; p < 128 * 128; p++)
            {
                n += view.Layout[p] == (byte)kind && colour(frame.Pixels[3 * p], frame.Pixels[(3 * p) + 1], frame.Pixels[(3 * p) + 2]) ? 1 : 0;
            }
            return n;
        }
        Assert.True(Matching(LayoutClass.Tourist, (r, g, b) => g > 150 && b > 150 && r < 120) > 10);
        Assert.True(Matching(LayoutClass.Guard, (r, g, b) => r > 170 && g > 170 && b > 170) > 10);
    }
}
