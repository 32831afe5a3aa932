using System.Runtime.InteropServices;
using TwinWorld.Ecs;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Frames;

namespace TwinWorld.Cli.Datasets;

/// <summary>
/// One fixed-size sample of a training dataset (tools/train/DATASET.md; contract 2), little-endian: layout (H x W uint8),
/// continuous (6 planes of H x W float32), world (3 planes of H x W float32, metres), globals (16 float32), context (K
/// frames, oldest first, each as R, G and B planes of uint8, zeros for the frames a camera did not have yet: those are
/// the oldest), then the target frame (R, G and B planes). Rows run top first, as in the conditions.
/// </summary>
internal static class TrainingRecord
{
    public static int Size(int width, int height, int contextFrames)
    {
        int pixels = width * height;
        return pixels + (CameraConditions.ContinuousCount * 4 * pixels) + (CameraConditions.WorldCount * 4 * pixels) + (CameraConditions.GlobalCount * 4)
            + (3 * contextFrames * pixels) + (3 * pixels);
    }

    /// <summary>Writes a sample into <paramref name="record"/>, which must be <see cref="Size"/> bytes; <paramref name="context"/> holds at most K frames, oldest first.</summary>
    public static void Encode(Span<byte> record, CameraConditions conditions, IReadOnlyList<RgbImage> context, int contextFrames, RgbImage target)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Datasets are little-endian; this machine is not.");
        }
        int width = conditions.Width, height = conditions.Height, pixels = width * height;
        if (record.Length != Size(width, height, contextFrames) || context.Count > contextFrames || target.Width != width || target.Height != height)
        {
            throw new ArgumentException($"a {width} x {height} record with {contextFrames} context frames takes {Size(width, height, contextFrames)} bytes, a target of that size and at most {contextFrames} context frames");
        }
        var rest = record;
        conditions.Layout.CopyTo(rest);
        rest = rest[pixels..];
        MemoryMarshal.AsBytes(conditions.Continuous.AsSpan()).CopyTo(rest);
        rest = rest[(conditions.Continuous.Length * 4)..];
        MemoryMarshal.AsBytes(conditions.World.AsSpan()).CopyTo(rest);
        rest = rest[(conditions.World.Length * 4)..];
        MemoryMarshal.AsBytes(conditions.Globals.AsSpan()).CopyTo(rest);
        rest = rest[(conditions.Globals.Length * 4)..];
        int missing = contextFrames - context.Count;
        rest[..(3 * pixels * missing)].Clear();
        rest = rest[(3 * pixels * missing)..];
        foreach (var frame in context)
        {
            ToPlanes(frame, rest[..(3 * pixels)]);
            rest = rest[(3 * pixels)..];
        }
        ToPlanes(target, rest);
    }

    /// <summary>Reads a sample back: the conditions' model inputs (no camera, tick or pose: records do not hold them), the K context frames and the target.</summary>
    public static (CameraConditions Conditions, RgbImage[] Context, RgbImage Target) Decode(ReadOnlySpan<byte> record, int width, int height, int contextFrames)
    {
        int pixels = width * height;
        if (record.Length != Size(width, height, contextFrames))
        {
            throw new ArgumentException($"a {width} x {height} record with {contextFrames} context frames is {Size(width, height, contextFrames)} bytes, not {record.Length}");
        }
        var layout = record[..pixels].ToArray();
        record = record[pixels..];
        var continuous = MemoryMarshal.Cast<byte, float>(record[..(CameraConditions.ContinuousCount * 4 * pixels)]).ToArray();
        record = record[(CameraConditions.ContinuousCount * 4 * pixels)..];
        var world = MemoryMarshal.Cast<byte, float>(record[..(CameraConditions.WorldCount * 4 * pixels)]).ToArray();
        record = record[(CameraConditions.WorldCount * 4 * pixels)..];
        var globals = MemoryMarshal.Cast<byte, float>(record[..(CameraConditions.GlobalCount * 4)]).ToArray();
        record = record[(CameraConditions.GlobalCount * 4)..];
        var context = new RgbImage[contextFrames];
        for (int k = 0; k < contextFrames; k++)
        {
            context[k] = FromPlanes(record[..(3 * pixels)], width, height);
            record = record[(3 * pixels)..];
        }
        var conditions = new CameraConditions(Entity.Null, 0, width, height, default, globals[(int)GlobalChannel.Perspective] > 0.5f, layout, continuous, globals)
        {
            World = world,
        };
        return (conditions, context, FromPlanes(record, width, height));
    }

    private static void ToPlanes(RgbImage frame, Span<byte> planes)
    {
        int pixels = frame.Width * frame.Height;
        var rgb = frame.Pixels;
        for (int p = 0; p < pixels; p++)
        {
            planes[p] = rgb[3 * p];
            planes[pixels + p] = rgb[(3 * p) + 1];
            planes[(2 * pixels) + p] = rgb[(3 * p) + 2];
        }
    }

    private static RgbImage FromPlanes(ReadOnlySpan<byte> planes, int width, int height)
    {
        int pixels = width * height;
        var rgb = new byte[3 * pixels];
        for (int p = 0; p < pixels; p++)
        {
            rgb[3 * p] = planes[p];
            rgb[(3 * p) + 1] = planes[pixels + p];
            rgb[(3 * p) + 2] = planes[(2 * pixels) + p];
        }
        return new RgbImage(width, height, rgb);
    }
}
