using System.Text.RegularExpressions;
using TwinWorld.Generation.Conditions;
using TwinWorld.Generation.Models;

namespace TwinWorld.Generation.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("manifest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ContractText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "world-model.md"));

    /// <summary>The contract page's own example manifest, lifted out of its json block.</summary>
    private static string ExampleManifest() => Regex.Match(ContractText(), "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

    private string Write(string json)
    {
        string path = Path.Combine(_folder, "model.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_contract_pages_example_loads()
    {
        var manifest = ModelManifest.Load(Write(ExampleManifest()));
        Assert.Equal((64, 64, 2, 32), (manifest.Width, manifest.Height, manifest.ContextFrames, manifest.MaxBatch));
        Assert.Equal(Path.Combine(_folder, "reference-unet-64.pt"), manifest.ModelPath);
        Assert.True(manifest.Takes("context"));
    }

    [Fact]
    public void The_contract_pages_tables_match_the_code()
    {
        string text = ContractText();
        foreach (var value in Enum.GetValues<LayoutClass>())
        {
            Assert.Matches($@"\| {(int)value} \| ", text);
        }
        Assert.Contains($"`layout_classes` in the manifest is {CameraConditions.LayoutClassCount}", text);
        Assert.Equal(CameraConditions.LayoutClassCount, Enum.GetValues<LayoutClass>().Length);
        Assert.Equal(CameraConditions.GlobalCount, Enum.GetValues<GlobalChannel>().Length);
        Assert.Contains($"`[B, {CameraConditions.GlobalCount}]`", text);
        Assert.Contains($"`[B, {CameraConditions.ContinuousCount}, H, W]`", text);
        Assert.Contains($"\"{ModelManifest.Contract}\"", text);
    }

    [Theory]
    [InlineData("\"twinworld.world-model/1\"", "\"twinworld.world-model/2\"", "speaks \"twinworld.world-model/1\"")]
    [InlineData("[\"B\", 16]", "[\"B\", 15]", "\"globals\" has shape [B, 15]; the contract says [B, 16]")]
    [InlineData("\"name\": \"layout\", \"dtype\": \"uint8\"", "\"name\": \"layout\", \"dtype\": \"float32\"", "\"layout\" is float32")]
    [InlineData("\"name\": \"globals\"", "\"name\": \"weather\"", "\"weather\" is not in the contract")]
    [InlineData("\"resolution\": [64, 64]", "\"resolution\": [64]", "resolution must be [height, width]")]
    [InlineData("\"max_batch\": 32", "\"max_batch\": 0", "max_batch must be a whole number of at least 1")]
    [InlineData("\"layout_classes\": 21", "\"layout_classes\": 12", "layout_classes is 12")]
    public void A_manifest_that_breaks_the_contract_is_refused_with_the_reason(string from, string to, string reason)
    {
        string json = ExampleManifest();
        Assert.Contains(from, json);
        var error = Assert.Throws<ManifestException>(() => ModelManifest.Load(Write(json.Replace(from, to))));
        Assert.Contains(reason, error.Message);
        Assert.Contains("model.json", error.Message);
    }

    [Fact]
    public void Missing_and_malformed_files_are_refused_plainly()
    {
        Assert.Contains("cannot read", Assert.Throws<ManifestException>(() => ModelManifest.Load(Path.Combine(_folder, "none.json"))).Message);
        Assert.Contains("cannot read", Assert.Throws<ManifestException>(() => ModelManifest.Load(Write("{ \"contract\": "))).Message);
        Assert.Contains("JSON object", Assert.Throws<ManifestException>(() => ModelManifest.Load(Write("[]"))).Message);
    }

    [Fact]
    public void A_model_may_leave_out_inputs_it_does_not_use()
    {
        string json = Regex.Replace(ExampleManifest(), @",\s*\{ ""name"": ""context""[^}]*\}", "");
        var manifest = ModelManifest.Load(Write(json));
        Assert.False(manifest.Takes("context"));
        Assert.True(manifest.Takes("globals"));
    }
}
