namespace TwinWorld.Cli.Datasets;

/// <summary>One camera's run of samples in a dataset, in file order: which scenario and seed it came from and how many samples it has.</summary>
internal sealed record DatasetSource(string Scenario, ulong Seed, string Camera, long Samples);
