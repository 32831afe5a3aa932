using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Out of process (BenchmarkDotNet builds and runs each benchmark in a process of its own, as it is meant
// to). Pass --filter '*' to run everything, or a pattern such as '*SystemWith2*'.
var job = Job.Default
    .WithWarmupCount(4)
    .WithIterationCount(12);
var config = DefaultConfig.Instance.AddJob(job.AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(TwinWorld.Bench.Metrics.MetricsRecording).Assembly).Run(args, config);
