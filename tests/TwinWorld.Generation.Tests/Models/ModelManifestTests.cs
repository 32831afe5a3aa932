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
        Assert.Equal((256, 256, 2, 32, 2), (manifest.Width, manifest.Height, manifest.ContextFrames, manifest.MaxBatch, manifest.ContractVersion));
        Assert.Equal(Path.Combine(_folder, "reference-unet-256.pt"), manifest.ModelPath);
        Assert.True(manifest.Takes("context"));
        Assert.True(manifest.Takes("world"));
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
        Assert.Contains($"`[B, {CameraConditions.WorldCount}, H, W]`", text);
        Assert.Contains($"`[B, {CameraConditions.V1ContinuousCount}, H, W]`", text);
        Assert.Contains($"(`layout_classes` {LayoutClasses.V1Count})", text);
        Assert.Contains($"\"{ModelManifest.Contract}\"", text);
        Assert.Contains($"\"{ModelManifest.ContractV1}\"", text);
        Assert.Equal(CameraConditions.ContinuousCount, Enum.GetValues<ContinuousChannel>().Length);
        for (int plane = 0; plane < CameraConditions.ContinuousCount; plane++)
        {
            Assert.Matches($@"\| {plane} \| ", text);
        }
    }

    [Fact]
    public void The_committed_contract_1_model_s_manifest_still_loads_as_contract_1()
    {
        var manifest = ModelManifest.Load(Path.Combine(AppContext.BaseDirectory, "Contract1", "reference-unet-64.json"));
        Assert.Equal((1, 21, 3), (manifest.ContractVersion, manifest.LayoutClasses, manifest.ContinuousPlanes));
        Assert.False(manifest.Takes("world"));
    }

    [Fact]
    public void A_contract_1_manifest_is_held_to_contract_1()
    {
        string v1 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract1", "reference-unet-64.json"));
        // Contract 2's shapes in a contract-1 manifest are refused, and so is contract 2's world input.
        Assert.Contains("the contract says [B, 3, 64, 64]", Assert.Throws<ManifestException>(() => ModelManifest.Load(Write(v1.Replace("\"B\",\n        3,", "\"B\",\n        6,")))).Message);
        Assert.Contains("layout_classes is 26; contract 1 has 21", Assert.Throws<ManifestException>(() => ModelManifest.Load(Write(v1.Replace("\"layout_classes\": 21", "\"layout_classes\": 26")))).Message);
        string withWorld = v1.Replace("\"inputs\": [", "\"inputs\": [ { \"name\": \"world\", \"dtype\": \"float32\", \"shape\": [\"B\", 3, 64, 64] },");
        Assert.Contains("\"world\" is not in the model's contract", Assert.Throws<ManifestException>(() => ModelManifest.Load(Write(withWorld))).Message);
    }

    [Theory]
    [InlineData("\"twinworld.world-model/2\"", "\"twinworld.world-model/3\"", "speaks \"twinworld.world-model/2\" (and loads \"twinworld.world-model/1\" models)")]
    [InlineData("[\"B\", 16]", "[\"B\", 15]", "\"globals\" has shape [B, 15]; the contract says [B, 16]")]
    [InlineData("\"name\": \"layout\", \"dtype\": \"uint8\"", "\"name\": \"layout\", \"dtype\": \"float32\"", "\"layout\" is float32")]
    [InlineData("\"name\": \"globals\"", "\"name\": \"weather\"", "\"weather\" is not in the model's contract")]
    [InlineData("[\"B\", 6, 256, 256]", "[\"B\", 3, 256, 256]", "\"continuous\" has shape [B, 3, 256, 256]; the contract says [B, 6, 256, 256]")]
    [InlineData("\"resolution\": [256, 256]", "\"resolution\": [256]", "resolution must be [height, width]")]
    [InlineData("\"max_batch\": 32", "\"max_batch\": 0", "max_batch must be a whole number of at least 1")]
    [InlineData("\"layout_classes\": 26", "\"layout_classes\": 21", "layout_classes is 21; contract 2 has 26")]
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
