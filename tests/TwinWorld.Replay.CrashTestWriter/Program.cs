using TwinWorld.Replay.CrashTestWriter;
using TwinWorld.Replay.Recording;

// Appends self-checking records to the recording named on the command line as fast as it can, until the crash
// test kills it. Past a size cap it stops appending and waits for its standard input to close, so that a slow
// test still finds it alive and an orphaned run (its test process gone) cannot fill the disk.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: TwinWorld.Replay.CrashTestWriter <recording file>");
    return 2;
}
using var writer = RecordingWriter.Create(args[0]);
for (long sequence = 0; writer.BytesWritten < SelfCheckingRecords.MaxFileBytes; sequence++)
{
    writer.Append(SelfCheckingRecords.KindOf(sequence), SelfCheckingRecords.Payload(sequence));
}
Console.In.ReadToEnd();
return 0;
