using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// What one camera sees at one tick, as the world model's inputs (protocol/world-model.md): immutable
/// once built, so the tick thread hands it to the generator without copying.
/// </summary>
/// <param name="Layout">One <see cref="LayoutClass"/> per pixel, top row first.</param>
/// <param name="Continuous">The <see cref="ContinuousChannel"/> planes, each Width x Height, top row first.</param>
/// <param name="Globals">The <see cref="GlobalChannel"/> vector.</param>
/// <param name="Perspective">False for overhead (orthographic) views.</param>
public sealed record CameraConditions(
    Entity Camera,
    long Tick,
    int Width,
    int Height,
    CameraPose Pose,
    bool Perspective,
    byte[] Layout,
    float[] Continuous,
    float[] Globals)
{
    public const int ContinuousCount = 3;
    public const int GlobalCount = 16;
    public const int LayoutClassCount = 21;

    public int PixelCount => Width * Height;

    /// <summary>An overhead view of nothing at all (every plane and global zero): for warming a model up, and for tests and benchmarks that only route conditions.</summary>
    public static CameraConditions Blank(Entity camera, long tick, int width, int height, CameraPose pose = default) => new(
        camera, tick, width, height, pose, Perspective: false,
        new byte[width * height], new float[ContinuousCount * width * height], new float[GlobalCount]);

    /// <summary>How the pixels map to the world (not a model input: the reference renderer anchors its textures with it); undefined when built by hand.</summary>
    public ViewProjection Projection { get; init; }

    public LayoutClass ClassAt(int x, int y) => (LayoutClass)Layout[(y * Width) + x];

    public float ContinuousAt(ContinuousChannel channel, int x, int y) => Continuous[((int)channel * PixelCount) + (y * Width) + x];

    public float Global(GlobalChannel channel) => Globals[(int)channel];
}
