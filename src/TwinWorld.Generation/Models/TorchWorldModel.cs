using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;
using TwinWorld.Torch;

namespace TwinWorld.Generation.Models;

/// <summary>
/// A TorchScript world model (protocol/world-model.md) run through TwinWorld.Torch: packs a batch of
/// camera inputs into the tensors its manifest declares, runs forward once, checks the frame tensor
/// against the manifest and unpacks it into images. The packing buffers are reused between calls,
/// which <see cref="IWorldModel"/>'s one-call-at-a-time rule allows.
/// </summary>
public sealed class TorchWorldModel : IWorldModel
{
    private readonly TorchModule _module;
    private readonly bool _takesLayout;
    private readonly bool _takesContinuous;
    private readonly bool _takesGlobals;
    private readonly bool _takesContext;
    private readonly bool _takesWorld;
    private byte[] _layout = [];
    private float[] _continuous = [];
    private float[] _world = [];
    private float[] _globals = [];
    private byte[] _context = [];

    private TorchWorldModel(ModelManifest manifest, TorchModule module)
    {
        Manifest = manifest;
        _module = module;
        _takesLayout = manifest.Takes("layout");
        _takesContinuous = manifest.Takes("continuous");
        _takesGlobals = manifest.Takes("globals");
        _takesContext = manifest.Takes("context");
        _takesWorld = manifest.Takes("world");
    }

    public ModelManifest Manifest { get; }

    /// <summary>
    /// Reads the manifest (<see cref="ManifestException"/> when it breaks the contract), then loads its
    /// model file onto <paramref name="device"/> (<see cref="TorchException"/> when it cannot).
    /// </summary>
    public static TorchWorldModel Load(string manifestPath, string device = "cpu")
    {
        var manifest = ModelManifest.Load(manifestPath);
        return new TorchWorldModel(manifest, TorchModule.Load(manifest.ModelPath, device));
    }

    /// <summary>
    /// <see cref="Load"/>, then two forwards of a blank frame: TorchScript's profiling executor
    /// records shapes on the first calls and optimises the graph on the second, which on the first
    /// real frames would take long enough to miss their deadline. A model that cannot make a blank
    /// frame fails here, not at its first frame.
    /// </summary>
    public static TorchWorldModel LoadAndWarmUp(string manifestPath, string device = "cpu")
    {
        var model = Load(manifestPath, device);
        try
        {
            var blank = CameraConditions.Blank(default, 0, model.Manifest.Width, model.Manifest.Height);
            for (int call = 0; call < 2; call++)
            {
                model.Generate([new GenerationInput(blank, [])]);
            }
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Each input's conditions must be at the model's resolution; of its context frames the newest
    /// <see cref="ModelManifest.ContextFrames"/> are used, and missing older ones are black. A batch
    /// larger than <see cref="ModelManifest.MaxBatch"/> is refused: the scheduler splits batches.
    /// </summary>
    public IReadOnlyList<RgbImage> Generate(IReadOnlyList<GenerationInput> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > Manifest.MaxBatch)
        {
            throw new ArgumentException($"{batch.Count} inputs for model {Manifest.Name}, whose max_batch is {Manifest.MaxBatch}", nameof(batch));
        }
        if (batch.Count == 0)
        {
            return [];
        }
        foreach (var input in batch)
        {
            Check(input);
        }
        using var output = _module.Forward(Pack(batch));
        return Unpack(output, batch.Count);
    }

    public void Dispose() => _module.Dispose();

    private void Check(GenerationInput input)
    {
        var conditions = input.Conditions;
        if (conditions.Width != Manifest.Width || conditions.Height != Manifest.Height)
        {
            throw new ArgumentException($"conditions of camera {conditions.Camera} are {conditions.Width} x {conditions.Height}; model {Manifest.Name} takes {Manifest.Width} x {Manifest.Height}");
        }
        int pixels = Manifest.Width * Manifest.Height;
        if (conditions.Layout.Length != pixels || conditions.Continuous.Length < Manifest.ContinuousPlanes * pixels || conditions.Globals.Length != CameraConditions.GlobalCount)
        {
            throw new ArgumentException($"conditions of camera {conditions.Camera} hold {conditions.Continuous.Length / pixels} continuous planes; model {Manifest.Name} (contract {Manifest.ContractVersion}) takes {Manifest.ContinuousPlanes}");
        }
        if (input.Context.Any(frame => frame.Width != Manifest.Width || frame.Height != Manifest.Height))
        {
            throw new ArgumentException($"a context frame of camera {conditions.Camera} is not {Manifest.Width} x {Manifest.Height}");
        }
    }

    /// <summary>
    /// The inputs for one forward, over buffers reused by the next call (internal for the benchmark). A contract-1
    /// model gets contract 1's inputs: its layout classes (<see cref="CameraConditions.LayoutV1"/>) and the first three continuous planes.
    /// </summary>
    internal TorchInput[] Pack(IReadOnlyList<GenerationInput> batch)
    {
        int count = batch.Count;
        int pixels = Manifest.Width * Manifest.Height;
        int contextFrames = Manifest.ContextFrames;
        var inputs = new List<TorchInput>(5);
        if (_takesLayout)
        {
            Grow(ref _layout, count * pixels);
            for (int b = 0; b < count; b++)
            {
                if (Manifest.ContractVersion == 1)
                {
                    batch[b].Conditions.LayoutV1(_layout.AsSpan(b * pixels, pixels));
                }
                else
                {
                    batch[b].Conditions.Layout.CopyTo(_layout.AsSpan(b * pixels, pixels));
                }
            }
            inputs.Add(TorchInput.UInt8("layout", _layout.AsMemory(0, count * pixels), count, 1, Manifest.Height, Manifest.Width));
        }
        if (_takesContinuous)
        {
            int planes = Manifest.ContinuousPlanes;
            int size = planes * pixels;
            Grow(ref _continuous, count * size);
            for (int b = 0; b < count; b++)
            {
                batch[b].Conditions.Continuous.AsSpan(0, size).CopyTo(_continuous.AsSpan(b * size, size));
            }
            inputs.Add(TorchInput.Float32("continuous", _continuous.AsMemory(0, count * size), count, planes, Manifest.Height, Manifest.Width));
        }
        if (_takesWorld)
        {
            int size = CameraConditions.WorldCount * pixels;
            Grow(ref _world, count * size);
            for (int b = 0; b < count; b++)
            {
                batch[b].Conditions.World.CopyTo(_world.AsSpan(b * size, size));
            }
            inputs.Add(TorchInput.Float32("world", _world.AsMemory(0, count * size), count, CameraConditions.WorldCount, Manifest.Height, Manifest.Width));
        }
        if (_takesGlobals)
        {
            int size = CameraConditions.GlobalCount;
            Grow(ref _globals, count * size);
            for (int b = 0; b < count; b++)
            {
                batch[b].Conditions.Globals.CopyTo(_globals.AsSpan(b * size, size));
            }
            inputs.Add(TorchInput.Float32("globals", _globals.AsMemory(0, count * size), count, size));
        }
        if (_takesContext)
        {
            int frameSize = 3 * pixels;
            Grow(ref _context, count * contextFrames * frameSize);
            for (int b = 0; b < count; b++)
            {
                var frames = batch[b].Context;
                int given = Math.Min(frames.Count, contextFrames);
                var slots = _context.AsSpan(b * contextFrames * frameSize, contextFrames * frameSize);
                slots[..((contextFrames - given) * frameSize)].Clear();
                for (int k = 0; k < given; k++)
                {
                    var frame = frames[frames.Count - given + k];
                    ToPlanes(frame.Pixels, slots.Slice((contextFrames - given + k) * frameSize, frameSize), pixels);
                }
            }
            inputs.Add(TorchInput.UInt8("context", _context.AsMemory(0, count * contextFrames * frameSize), count, contextFrames, 3, Manifest.Height, Manifest.Width));
        }
        return [.. inputs];
    }

    private List<RgbImage> Unpack(TorchOutput output, int count)
    {
        long[] expected = [count, 3, Manifest.Height, Manifest.Width];
        if (output.DType != TorchDType.UInt8 || !output.Shape.SequenceEqual(expected))
        {
            throw new TorchException($"model {Manifest.Name} returned {Describe(output.DType)} [{string.Join(", ", output.Shape)}]; its manifest promises uint8 [{string.Join(", ", expected)}]");
        }
        int pixels = Manifest.Width * Manifest.Height;
        var bytes = output.Bytes;
        var frames = new List<RgbImage>(count);
        for (int b = 0; b < count; b++)
        {
            var image = new RgbImage(Manifest.Width, Manifest.Height);
            FromPlanes(bytes.Slice(b * 3 * pixels, 3 * pixels), image.Pixels, pixels);
            frames.Add(image);
        }
        return frames;
    }

    private static string Describe(TorchDType dtype) => dtype == TorchDType.UInt8 ? "uint8" : "float32";

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }
    }

    /// <summary>Interleaved RGB to R, G and B planes.</summary>
    private static void ToPlanes(ReadOnlySpan<byte> interleaved, Span<byte> planes, int pixels)
    {
        var red = planes[..pixels];
        var green = planes.Slice(pixels, pixels);
        var blue = planes.Slice(2 * pixels, pixels);
        for (int i = 0; i < pixels; i++)
        {
            red[i] = interleaved[3 * i];
            green[i] = interleaved[(3 * i) + 1];
            blue[i] = interleaved[(3 * i) + 2];
        }
    }

    /// <summary>R, G and B planes to interleaved RGB.</summary>
    private static void FromPlanes(ReadOnlySpan<byte> planes, Span<byte> interleaved, int pixels)
    {
        var red = planes[..pixels];
        var green = planes.Slice(pixels, pixels);
        var blue = planes.Slice(2 * pixels, pixels);
        for (int i = 0; i < pixels; i++)
        {
            interleaved[3 * i] = red[i];
            interleaved[(3 * i) + 1] = green[i];
            interleaved[(3 * i) + 2] = blue[i];
        }
    }
}
