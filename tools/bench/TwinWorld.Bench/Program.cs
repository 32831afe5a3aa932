using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet 0.14 (the newest on our package source) cannot generate .NET 10
// projects. Pass --filter '*' to run everything, or a pattern such as '*SystemWith2*'.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(4)
    .WithIterationCount(12);
var config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(TwinWorld.Bench.Metrics.MetricsRecording).Assembly).Run(args, config);
