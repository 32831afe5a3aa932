using TwinWorld.Ecs;
using TwinWorld.Simulation.Cameras;

namespace TwinWorld.Generation.Conditions;

/// <summary>
/// What one camera sees at one tick, as the world model's inputs (protocol/world-model.md, contract 2): immutable
/// once built, so the tick thread hands it to the generator without copying. A contract-1 model is fed the
/// contract-1 view of it (<see cref="LayoutV1"/>, the first <see cref="V1ContinuousCount"/> continuous planes).
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
    public const int ContinuousCount = 6;
    public const int GlobalCount = 16;
    public const int LayoutClassCount = 26;

    /// <summary>The <c>world</c> input's planes: x east, y north, z up of the point each pixel shows, in metres.</summary>
    public const int WorldCount = 3;

    /// <summary>Contract 1's continuous planes: the first three of contract 2's.</summary>
    public const int V1ContinuousCount = 3;

    private float[]? _world;

    public int PixelCount => Width * Height;

    /// <summary>
    /// The <c>world</c> planes (<see cref="WorldCount"/> x Width x Height, top row first): where each pixel's point is,
    /// metres east and north of the site's south-west corner and above the datum; 0 for sky. Zeros when built by hand without them.
    /// </summary>
    public float[] World
    {
        get => _world ??= new float[WorldCount * PixelCount];
        init => _world = value;
    }

    /// <summary>An overhead view of nothing at all (every plane and global zero): for warming a model up, and for tests and benchmarks that only route conditions.</summary>
    public static CameraConditions Blank(Entity camera, long tick, int width, int height, CameraPose pose = default) => new(
        camera, tick, width, height, pose, Perspective: false,
        new byte[width * height], new float[ContinuousCount * width * height], new float[GlobalCount]);

    /// <summary>How the pixels map to the world (not a model input: the reference renderer anchors its textures with it); undefined when built by hand.</summary>
    public ViewProjection Projection { get; init; }

    public LayoutClass ClassAt(int x, int y) => (LayoutClass)Layout[(y * Width) + x];

    public float ContinuousAt(ContinuousChannel channel, int x, int y) => Continuous[((int)channel * PixelCount) + (y * Width) + x];

    public float Global(GlobalChannel channel) => Globals[(int)channel];

    /// <summary>
    /// The layout as a contract-1 model knows it (protocol/world-model.md, "Contract 1"): each class mapped to its
    /// contract-1 equivalent (<see cref="LayoutClasses.ToV1"/>), and smoke wherever the smoke plane is at least
    /// <see cref="V1SmokeBelow"/> (contract 1 had no thin smoke: smoke hid what it covered).
    /// </summary>
    public void LayoutV1(Span<byte> into)
    {
        int pixels = PixelCount;
        var smoke = Continuous.AsSpan((int)ContinuousChannel.Smoke * pixels, pixels);
        for (int p = 0; p < pixels; p++)
        {
            byte kind = Layout[p];
            into[p] = kind != (byte)LayoutClass.Sky && smoke[p] >= V1SmokeBelow ? (byte)LayoutClass.Smoke : LayoutClasses.ToV1(kind);
        }
    }

    /// <summary>Smoke at least this thick is fed to a contract-1 model as its smoke class.</summary>
    public const float V1SmokeBelow = 0.35f;
}
