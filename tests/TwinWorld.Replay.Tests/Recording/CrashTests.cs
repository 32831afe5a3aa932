using System.Diagnostics;
using TwinWorld.Replay.CrashTestWriter;
using TwinWorld.Replay.Recording;

namespace TwinWorld.Replay.Tests.Recording;

public class CrashTests
{
    [Theory]
    [InlineData(1 << 20)]
    [InlineData(8 << 20)]
    [InlineData(40 << 20)]
    public void A_writer_killed_mid_write_leaves_only_whole_verified_records_and_at_most_a_cut_off_tail(long killAfterBytes)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("killed.twrec");

        KillWriterPast(path, killAfterBytes);

        using var reader = RecordingReader.Open(path);
        Assert.True(reader.Records.Count > 100, $"only {reader.Records.Count} records in {reader.Length:N0} bytes");
        for (int i = 0; i < reader.Records.Count; i++)
        {
            Assert.True(SelfCheckingRecords.Matches(i, reader.Records[i].Kind, reader.ReadPayload(i)), $"record {i} is not the record appended {i}th");
        }
        long end = reader.Records[^1].End;
        if (reader.Tail is { } tail)
        {
            // A killed process leaves a prefix of what it wrote: the end can be short, never wrong.
            Assert.Equal(GapProblem.CutOff, tail.Problem);
            Assert.Equal(end, tail.Offset);
            Assert.Equal(reader.Length, end + tail.BytesSkipped);
        }
        else
        {
            Assert.Equal(reader.Length, end);
        }
    }

    /// <summary>Starts the crash writer on <paramref name="path"/> and sends it SIGKILL once the file has passed the given size.</summary>
    private static void KillWriterPast(string path, long bytes)
    {
        // Standard input stays open and empty: the child waits on it once it has written all it may.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TwinWorld.Replay.CrashTestWriter.dll"));
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        try
        {
            // A generous guard against a child that never gets going; not a timing assertion.
            var giveUp = Stopwatch.StartNew();
            while (!File.Exists(path) || new FileInfo(path).Length < bytes)
            {
                if (child.HasExited)
                {
                    Assert.Fail($"the crash writer exited by itself ({child.ExitCode}): {errors.Result}");
                }
                Assert.True(giveUp.Elapsed < TimeSpan.FromMinutes(2), "the crash writer did not get going in 2 minutes");
                Thread.Sleep(5);
            }
        }
        finally
        {
            child.Kill(); // SIGKILL: no finally blocks, no Dispose, nothing flushed on the way out
            child.WaitForExit();
        }
    }
}
