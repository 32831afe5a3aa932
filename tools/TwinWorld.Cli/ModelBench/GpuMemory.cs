using System.Diagnostics;

namespace TwinWorld.Cli.ModelBench;

/// <summary>
/// The GPU's memory in use as <c>nvidia-smi</c> reports it (the whole device: CUDA context plus libtorch's caching
/// allocator, which keeps what it once took), sampled every 100 ms on a thread of its own while a measurement runs.
/// Without <c>nvidia-smi</c> (no NVIDIA driver) <see cref="Available"/> is false and nothing is sampled.
/// </summary>
internal sealed class GpuMemory : IDisposable
{
    private readonly int _device;
    private readonly Thread? _thread;
    private volatile bool _stop;
    private long _peak = -1;

    public GpuMemory(int device)
    {
        _device = device;
        Available = Sample() >= 0;
        if (Available)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "nvidia-smi sampler" };
            _thread.Start();
        }
    }

    public bool Available { get; }

    /// <summary>The highest MiB seen since the last call, and starts over; -1 without samples.</summary>
    public long TakePeak()
    {
        long now = Sample();
        return Math.Max(Interlocked.Exchange(ref _peak, -1), now);
    }

    private void Run()
    {
        while (!_stop)
        {
            long mib = Sample();
            long seen;
            while (mib > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, mib, seen) != seen)
            {
            }
            Thread.Sleep(100);
        }
    }

    private long Sample()
    {
        try
        {
            var start = new ProcessStartInfo("nvidia-smi", ["--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", _device.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && long.TryParse(output.Trim(), out long mib) ? mib : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
    }
}
