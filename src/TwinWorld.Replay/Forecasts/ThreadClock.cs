using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// Processor time used by the calling thread, from Linux's per-thread clock; elsewhere the wall time since the
/// clock was started (an upper bound: a thread cannot use more processor time than has passed).
/// </summary>
internal sealed class ThreadClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _start;

    public ThreadClock() => _start = ThreadTime() ?? TimeSpan.Zero;

    /// <summary>Time used since this clock was made, on the thread that made it (call only from that thread).</summary>
    public TimeSpan Elapsed => ThreadTime() is { } now ? now - _start : _wall.Elapsed;

    private static TimeSpan? ThreadTime()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            return null;
        }
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
