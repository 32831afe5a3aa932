using System.Text.Json.Nodes;
using TwinWorld.Generation.Models;

namespace TwinWorld.Cli.ModelBench;

/// <summary>
/// A model's manifest at another frame size, for benchmarking a fully convolutional model (the reference U-Net: its
/// TorchScript takes any size that halves evenly) at sizes it was not trained at: the same model file, the
/// resolution and the tensors' height and width changed. Whether the model really runs at that size shows when it is called.
/// </summary>
internal static class ResizedManifest
{
    /// <summary>Writes the manifest at <paramref name="size"/> x <paramref name="size"/> into <paramref name="folder"/> and returns its path (the original's when it already is that size).</summary>
    public static string Write(string manifestPath, ModelManifest manifest, int size, string folder)
    {
        if (manifest.Width == size && manifest.Height == size)
        {
            return manifestPath;
        }
        var root = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        root["resolution"] = new JsonArray(size, size);
        root["model"] = manifest.ModelPath;
        foreach (string list in new[] { "inputs", "outputs" })
        {
            foreach (var tensor in root[list]!.AsArray())
            {
                var shape = tensor!["shape"]!.AsArray();
                // Image tensors end in [height, width]; globals ([B, 16]) have no size.
                if (shape.Count >= 3)
                {
                    shape[^2] = size;
                    shape[^1] = size;
                }
            }
        }
        string path = Path.Combine(folder, $"{manifest.Name}-at-{size}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
