using TwinWorld.TestSupport;

namespace TwinWorld.Cli.Tests;

/// <summary><c>twin model-bench</c>, which tools/gpu/run.sh runs on a GPU machine; here on the CPU, checked against the CPU.</summary>
public sealed class ModelBenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-model-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "models", "reference-tile-256.json");

    [TorchFact]
    public void The_reference_model_matches_itself_prints_a_row_per_size_and_batch_and_says_which_sizes_it_cannot_run_at()
    {
        string figures = Path.Combine(_folder, "bench.md");

        // 66 is not a whole number of the model's 8 x 8 blocks.
        var (exitCode, output, errors) = Twin.Run("model-bench", Model, "--sizes", "64", "66", "--batches", "1", "2", "--seconds", "0", "--out", figures);

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("- 64 x 64: max abs difference per frame 0, 0 (tolerance 3): within.", output);
        Assert.Contains("- 66 x 66: the model does not run at this size", output);
        Assert.Contains("| 64 x 64 | 1 | 1 |", output);
        Assert.Contains("| 64 x 64 | 2 | 1 |", output);
        Assert.DoesNotContain("| 66 x 66 |", output);
        Assert.Contains("No GPU memory figures", output);
        Assert.Contains("Check passed", output);
        Assert.Contains("| 64 x 64 | 2 | 1 |", File.ReadAllText(figures));
    }

    [TorchFact]
    public void A_batch_over_the_models_limit_is_refused_in_one_line()
    {
        var (exitCode, _, errors) = Twin.Run("model-bench", Model, "--batches", "64");

        Assert.Equal(2, exitCode);
        Assert.Equal("--batches 64: model reference-tile-256 takes batches of up to 32.", errors.Trim());
    }
}
