using System.Text.Json;
using TwinWorld.Generation.Conditions;

namespace TwinWorld.Generation.Models;

/// <summary>
/// The JSON manifest beside a model file (protocol/world-model.md): what the model takes and gives.
/// <see cref="Load"/> checks it against the contract, so a bad model is refused with a reason before it is loaded.
/// Contract 2 is this build's; contract-1 models still load, and are fed contract 1's inputs (<see cref="ContractVersion"/>).
/// </summary>
public sealed record ModelManifest(
    string Name,
    string ModelPath,
    int Width,
    int Height,
    int ContextFrames,
    int Steps,
    int MaxBatch,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs)
{
    /// <summary>This build's contract, and the earlier one it still loads.</summary>
    public const string Contract = "twinworld.world-model/2", ContractV1 = "twinworld.world-model/1";

    /// <summary>Which contract the model speaks: 2, or 1 for a model made before contract 2 (fed contract 1's inputs).</summary>
    public int ContractVersion { get; init; } = 2;

    /// <summary>How many layout classes the model's contract has.</summary>
    public int LayoutClasses => ContractVersion == 1 ? Conditions.LayoutClasses.V1Count : CameraConditions.LayoutClassCount;

    /// <summary>How many continuous planes the model's contract has.</summary>
    public int ContinuousPlanes => ContractVersion == 1 ? CameraConditions.V1ContinuousCount : CameraConditions.ContinuousCount;

    /// <summary>The inputs a contract defines, with their dtypes and shapes for this resolution and context length.</summary>
    public static IReadOnlyList<TensorSpec> ContractInputs(int width, int height, int contextFrames, int version = 2) => version == 1
        ?
        [
            new("layout", "uint8", [-1, 1, height, width]),
            new("continuous", "float32", [-1, CameraConditions.V1ContinuousCount, height, width]),
            new("globals", "float32", [-1, CameraConditions.GlobalCount]),
            new("context", "uint8", [-1, contextFrames, 3, height, width]),
        ]
        :
        [
            new("layout", "uint8", [-1, 1, height, width]),
            new("continuous", "float32", [-1, CameraConditions.ContinuousCount, height, width]),
            new("world", "float32", [-1, CameraConditions.WorldCount, height, width]),
            new("globals", "float32", [-1, CameraConditions.GlobalCount]),
            new("context", "uint8", [-1, contextFrames, 3, height, width]),
        ];

    public static TensorSpec ContractOutput(int width, int height) => new("frame", "uint8", [-1, 3, height, width]);

    /// <summary>A manifest for a model that takes every contract-2 input (the reference renderer's, and tests').</summary>
    public static ModelManifest For(string name, int width, int height, int contextFrames, int maxBatch = 32) =>
        new(name, "", width, height, contextFrames, 1, maxBatch, ContractInputs(width, height, contextFrames), [ContractOutput(width, height)]);

    public bool Takes(string input) => Inputs.Any(spec => spec.Name == input);

    /// <summary>Reads and checks a manifest; <see cref="ModelPath"/> comes back absolute. Throws <see cref="ManifestException"/>.</summary>
    public static ModelManifest Load(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ManifestException($"{path}: cannot read the model manifest: {e.Message}", e);
        }
        try
        {
            return Parse(root, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (ManifestException e)
        {
            throw new ManifestException($"{path}: {e.Message}", e);
        }
    }

    private static ModelManifest Parse(JsonElement root, string folder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException("the manifest must be a JSON object");
        }
        string contract = Text(root, "contract");
        int version = contract switch
        {
            Contract => 2,
            ContractV1 => 1,
            _ => throw new ManifestException($"contract is \"{contract}\"; this server speaks \"{Contract}\" (and loads \"{ContractV1}\" models)"),
        };
        var resolution = root.TryGetProperty("resolution", out var r) && r.ValueKind == JsonValueKind.Array && r.GetArrayLength() == 2
            ? (Height: Positive(r[0], "resolution[0]"), Width: Positive(r[1], "resolution[1]"))
            : throw new ManifestException("resolution must be [height, width]");
        int context = root.TryGetProperty("context_frames", out var c) ? Count(c, "context_frames", 0) : 0;
        int steps = root.TryGetProperty("steps", out var s) ? Count(s, "steps", 1) : 1;
        int maxBatch = root.TryGetProperty("max_batch", out var b) ? Count(b, "max_batch", 1) : 1;
        int classCount = version == 1 ? Conditions.LayoutClasses.V1Count : CameraConditions.LayoutClassCount;
        if (root.TryGetProperty("layout_classes", out var classes) && Count(classes, "layout_classes", 0) != classCount)
        {
            throw new ManifestException($"layout_classes is {classes}; contract {version} has {classCount}");
        }
        var inputs = Tensors(root, "inputs");
        var outputs = Tensors(root, "outputs");
        CheckAgainstContract(inputs, ContractInputs(resolution.Width, resolution.Height, context, version), "input");
        CheckAgainstContract(outputs, [ContractOutput(resolution.Width, resolution.Height)], "output");
        if (outputs.Count != 1)
        {
            throw new ManifestException("outputs must name exactly one tensor, \"frame\"");
        }
        return new ModelManifest(
            Text(root, "name"),
            Path.GetFullPath(Path.Combine(folder, Text(root, "model"))),
            resolution.Width,
            resolution.Height,
            context,
            steps,
            maxBatch,
            inputs,
            outputs)
        {
            ContractVersion = version,
        };
    }

    private static void CheckAgainstContract(IReadOnlyList<TensorSpec> declared, IReadOnlyList<TensorSpec> contract, string what)
    {
        foreach (var spec in declared)
        {
            var expected = contract.FirstOrDefault(e => e.Name == spec.Name)
                ?? throw new ManifestException($"{what} \"{spec.Name}\" is not in the model's contract (it has {string.Join(", ", contract.Select(e => e.Name))})");
            if (spec.DType != expected.DType)
            {
                throw new ManifestException($"{what} \"{spec.Name}\" is {spec.DType}; the contract says {expected.DType}");
            }
            if (!spec.Shape.SequenceEqual(expected.Shape))
            {
                throw new ManifestException($"{what} \"{spec.Name}\" has shape {Shape(spec.Shape)}; the contract says {Shape(expected.Shape)}");
            }
        }
        if (declared.Select(spec => spec.Name).Distinct().Count() != declared.Count)
        {
            throw new ManifestException($"an {what} is named twice");
        }
    }

    private static string Shape(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape.Select(d => d < 0 ? "B" : d.ToString())) + "]";

    private static List<TensorSpec> Tensors(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestException($"{key} must be a list of tensors");
        }
        var list = new List<TensorSpec>();
        foreach (var item in array.EnumerateArray())
        {
            string name = Text(item, "name");
            if (!item.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
            {
                throw new ManifestException($"{key} \"{name}\" needs a shape");
            }
            var dims = shape.EnumerateArray()
                .Select(d => d.ValueKind == JsonValueKind.String && d.GetString() == "B" ? -1 : Positive(d, $"{name} shape"))
                .ToList();
            list.Add(new TensorSpec(name, Text(item, "dtype"), dims));
        }
        return list;
    }

    private static string Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text
            ? text
            : throw new ManifestException($"\"{key}\" must be a non-empty string");

    private static int Positive(JsonElement element, string what) => Count(element, what, 1);

    private static int Count(JsonElement element, string what, int minimum) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= minimum
            ? value
            : throw new ManifestException($"{what} must be a whole number of at least {minimum}, not {element}");
}
