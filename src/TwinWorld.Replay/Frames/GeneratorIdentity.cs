using TwinWorld.Simulation.Snapshots;

namespace TwinWorld.Replay.Frames;

/// <summary>
/// What generated a run's frames, recorded once: the build of the conditioner and renderer, the world model (its
/// manifest's name, where the manifest was and a hash of its model file) if there was one, the device it ran on and
/// the frame size. Frames regenerate bit for bit only under the same identity; under another one their hashes say
/// nothing about the world.
/// </summary>
/// <param name="Renderer">The generation build (conditions and reference renderer), e.g. <c>generation/0123456789ab</c>.</param>
/// <param name="Model">The model manifest's name; null when the renderer made every frame.</param>
/// <param name="ModelManifest">The manifest's path as given to the run (replay loads the model from there).</param>
/// <param name="ModelHash">A hash of the model file (hex).</param>
/// <param name="Device">Where the model ran (cpu, cuda, cuda:1); "cpu" for the renderer alone.</param>
/// <param name="Threads">libtorch's CPU threads for a model on the CPU (how its sums are split may depend on them); 0 otherwise.</param>
public sealed record GeneratorIdentity(string Renderer, string? Model, string? ModelManifest, string? ModelHash, string Device, int Threads, int Width, int Height)
{
    private const int Format = 1;

    /// <summary>The reference renderer alone, making frames of this size.</summary>
    public static GeneratorIdentity OfRenderer(string build, int width, int height) => new(build, null, null, null, "cpu", 0, width, height);

    /// <summary>A world model on a device; libtorch's <paramref name="cpuThreads"/> count only when that device is the CPU.</summary>
    public static GeneratorIdentity OfModel(string build, string model, string? manifestPath, string modelHash, string device, int cpuThreads, int width, int height) =>
        new(build, model, manifestPath, modelHash, device, device == "cpu" ? cpuThreads : 0, width, height);

    /// <summary>Whether frames made under this identity and under <paramref name="other"/> must hash alike (the manifest's path may differ).</summary>
    public bool Matches(GeneratorIdentity other) => (Renderer, Model, ModelHash, Device, Threads, Width, Height) == (other.Renderer, other.Model, other.ModelHash, other.Device, other.Threads, other.Width, other.Height);

    /// <summary>"model reference-tile-256 (file 1a2b3c4d5e6f7a8b) on cpu at 256 x 256, generation/0123456789ab", or "the reference renderer at 256 x 256, …".</summary>
    public override string ToString() =>
        $"{(Model is null ? "the reference renderer" : $"model {Model} (file {ModelHash}) on {Device}{(Threads > 0 ? $" with {Threads} thread{(Threads == 1 ? "" : "s")}" : "")}")} at {Width} x {Height}, {Renderer}";

    public byte[] ToBytes()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Format);
            writer.Write(Renderer);
            writer.WriteNullable(Model);
            writer.WriteNullable(ModelManifest);
            writer.WriteNullable(ModelHash);
            writer.Write(Device);
            writer.Write(Threads);
            writer.Write(Width);
            writer.Write(Height);
        }
        return bytes.ToArray();
    }

    public static GeneratorIdentity FromBytes(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        int format = reader.ReadInt32();
        if (format != Format)
        {
            throw new InvalidDataException($"The recording's generator record is format {format}; this build reads format {Format}.");
        }
        return new GeneratorIdentity(reader.ReadString(), reader.ReadNullableString(), reader.ReadNullableString(), reader.ReadNullableString(),
            reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
    }
}
